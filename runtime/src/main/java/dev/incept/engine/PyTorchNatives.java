package dev.incept.engine;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Puts DJL's PyTorch JNI bridge where the engine looks for it when the machine's own libtorch is
 * used ({@code PYTORCH_LIBRARY_PATH}). With the bundled libtorch nothing is needed: the bridge
 * the 0.36.0 engine asks for, {@code pytorch-jni 2.7.1-0.36.0}, is on the class path and DJL
 * unpacks it and libtorch itself, offline.
 */
final class PyTorchNatives {
    private PyTorchNatives() {
    }

    static void prepare() {
        String override = System.getenv("PYTORCH_LIBRARY_PATH");
        if (override != null && Files.exists(Path.of(override, "libtorch.so"))) {
            prepareForOverride(Path.of(override));
        }
    }

    /**
     * A libtorch the machine already has (a Python torch install, say): DJL names the bridge's
     * cache folder after PYTORCH_VERSION and PYTORCH_FLAVOR, and would download a bridge built
     * for exactly that version. The bundled bridge (built against 2.7.1, CPU and CUDA 12.8) is put
     * there instead; whether it loads against another libtorch is then up to the two libraries.
     */
    private static void prepareForOverride(Path libtorch) {
        String version = setting("PYTORCH_VERSION");
        String flavor = setting("PYTORCH_FLAVOR");
        if (version == null || flavor == null) {
            throw new IllegalStateException("PYTORCH_LIBRARY_PATH=" + libtorch + " needs PYTORCH_VERSION (e.g. 2.7.1) and "
                    + "PYTORCH_FLAVOR (cpu, or cu128 for CUDA) to say what it holds");
        }
        String bridgeFlavor = flavor.startsWith("cu") ? "cu128" : "cpu";
        Path dir = Utils.getEngineCacheDir("pytorch").resolve(version + '-' + flavor + "-linux-x86_64");
        Path target = dir.resolve(Engine.getDjlVersion() + "-libdjl_torch.so");
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.createDirectories(dir);
            copy("/jnilib/linux-x86_64/" + bridgeFlavor + "/libdjl_torch.so", dir, target.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot place the PyTorch JNI bridge in " + dir, e);
        }
    }

    private static String setting(String name) {
        String v = System.getenv(name);
        return v != null ? v : System.getProperty(name);
    }

    private static void copy(String resource, Path dir, String name) throws IOException {
        try (InputStream in = PyTorchNatives.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath; add ai.djl.pytorch:pytorch-jni "
                        + "and pytorch-native-cpu, or point PYTORCH_LIBRARY_PATH at a libtorch");
            }
            Path tmp = Files.createTempFile(dir, "lib", ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
