package dev.incept.engine;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Puts DJL's PyTorch JNI bridge where the engine looks for it, before the engine loads.
 *
 * <p>The 0.36.0 engine only accepts a bridge labelled 0.36.0, which was never published; the
 * 0.35.1 bridge is binary-compatible (only README files changed between the two engines). Left
 * alone, the engine sees the label mismatch and tries to download from DJL's hosts, which this
 * project must never depend on. Copying the bundled bridge under the name the engine expects
 * avoids that. Nothing is done when {@code PYTORCH_LIBRARY_PATH} points at an existing libtorch
 * whose bridge the user provides, or when the file is already in place.
 */
final class PyTorchNatives {
    private PyTorchNatives() {
    }

    static void prepare() {
        String override = System.getenv("PYTORCH_LIBRARY_PATH");
        if (override != null && Files.exists(Path.of(override, "libtorch.so"))) {
            prepareForOverride(Path.of(override));
            return;
        }
        Properties natives = properties("/native/lib/pytorch.properties");
        if (natives == null) {
            return; // no bundled libtorch: the user's own PYTORCH_LIBRARY_PATH set-up applies
        }
        String flavor = System.getenv().getOrDefault("PYTORCH_FLAVOR", natives.getProperty("flavor"));
        String classifier = natives.getProperty("classifier");
        String version = natives.getProperty("version");
        Path dir = Utils.getEngineCacheDir("pytorch").resolve(version + '-' + flavor + '-' + classifier);
        Path target = dir.resolve(Engine.getDjlVersion() + "-libdjl_torch.so");
        if (Files.exists(target)) {
            return;
        }
        try {
            if (Files.exists(dir.resolve("libtorch.so"))) {
                copy("/jnilib/" + classifier + '/' + flavor + "/libdjl_torch.so", dir, target.getFileName().toString());
                return;
            }
            // Extract libtorch and the bridge together into a fresh folder, then move it in one
            // step: DJL treats an existing folder as complete and would not add to it.
            Files.createDirectories(dir.getParent());
            Path tmp = Files.createTempDirectory(dir.getParent(), "incept");
            for (String lib : natives.getProperty("libraries").split(",")) {
                copy(nativeResource(flavor, classifier, lib.trim()), tmp, lib.trim());
            }
            copy("/jnilib/" + classifier + '/' + flavor + "/libdjl_torch.so", tmp, target.getFileName().toString());
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot place PyTorch's native libraries in " + dir, e);
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

    private static String nativeResource(String flavor, String classifier, String lib) {
        String packed = "/pytorch/" + flavor + '/' + classifier + '/' + lib;
        return PyTorchNatives.class.getResource(packed) != null ? packed : "/native/lib/" + lib;
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

    private static Properties properties(String resource) {
        try (InputStream in = PyTorchNatives.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
