package dev.incept.weights;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * torchvision's reference files (runtime/src/test/fixtures/reference-weights.sh, Debian's python3-torchvision on the
 * CPU) for tests in any module: written on demand, the test skipped with the reason where torchvision
 * is not installed; and the raw little-endian arrays read back.
 */
public final class TorchvisionReference {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private TorchvisionReference() {
    }

    /**
     * torchvision's {@code tv} network at {@code size} for {@code classes} (the files
     * bench/peers/torchvision_weights.py lists), written once and kept under the project's
     * target/reference-weights, named by a digest of the scripts that write them, so that the tests
     * of every module share one set and a changed script writes a new one.
     */
    public static Path files(String tv, int size, int classes) throws IOException, InterruptedException {
        assumeTorch();
        Path script = script();
        Path root = script.getParent().resolve("../../../..").normalize();
        Path dir = root.resolve("target/reference-weights").resolve(digest(script, root.resolve("bench/peers/torchvision_weights.py"))
                + "-" + tv + "-" + size + "-" + classes);
        Path complete = dir.resolve("complete");
        if (Files.exists(complete)) {
            return dir;
        }
        Files.createDirectories(dir);
        Process p = new ProcessBuilder(script.toString(), tv, String.valueOf(size), String.valueOf(classes), dir.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0, "runtime/src/test/fixtures/reference-weights.sh failed: " + log);
        Files.writeString(complete, log);
        return dir;
    }

    private static String digest(Path... files) throws IOException {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                md.update(Files.readAllBytes(f));
            }
            return java.util.HexFormat.of().formatHex(md.digest()).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Skips the calling test, with the reason, where Debian's torch and torchvision are not installed. */
    public static void assumeTorch() throws InterruptedException {
        assumeTrue(installed(), "Debian's python3-torch and python3-torchvision are not installed "
                + "(scripts/setup/torch-peer installs them; the test command runs it before the tests)");
    }

    private static boolean installed() throws InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import torch, torchvision").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** runtime/src/test/fixtures/reference-weights.sh, found from the module's folder up. */
    private static Path script() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path s = d.resolve("runtime/src/test/fixtures/reference-weights.sh");
            if (Files.exists(s)) {
                return s;
            }
        }
        throw new IllegalStateException("runtime/src/test/fixtures/reference-weights.sh not found above " + Path.of("").toAbsolutePath());
    }

    public static float[] floats(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }

    public static double[] doubles(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[b.remaining() / 8];
        b.asDoubleBuffer().get(out);
        return out;
    }

    public static int[] ints(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int[] out = new int[b.remaining() / 4];
        b.asIntBuffer().get(out);
        return out;
    }
}
