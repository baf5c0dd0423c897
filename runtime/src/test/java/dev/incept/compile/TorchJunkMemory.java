package dev.incept.compile;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * While open, libtorch fills every new CPU allocation with junk (its own
 * {@code caffe2_cpu_allocator_do_junk_fill} flag) instead of leaving whatever the heap held. A
 * computation that reads memory it never wrote then gives NaN on every run, not a wrong value on
 * some runs only, which is how the plain-order convolution gradients were caught.
 */
final class TorchJunkMemory implements AutoCloseable {
    private static final String FLAG = "FLAGS_caffe2_cpu_allocator_do_junk_fill";
    private final Pointer flag;

    private TorchJunkMemory(Pointer flag) {
        this.flag = flag;
        flag.setByte(0, (byte) 1);
    }

    /** Call after PyTorch's engine is loaded: the flag lives in its libc10. */
    static TorchJunkMemory on() {
        return new TorchJunkMemory(NativeLibrary.getInstance(loadedLibC10()).getGlobalVariableAddress(FLAG));
    }

    @Override
    public void close() {
        flag.setByte(0, (byte) 0);
    }

    private static String loadedLibC10() {
        try {
            return Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .filter(file -> file.endsWith("/libc10.so"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("libc10.so is not loaded: load PyTorch's engine first"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
