package dev.incept.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Run in a process of its own by CpuThreadsTest: loads MXNet as incept does, runs a parallel
 * kernel, and prints how many native threads carry the launcher's name, which OpenMP's workers
 * inherit (threads the JVM starts get names of their own, so GC activity does not count).
 */
public final class OpenMpThreadsProbe {
    private OpenMpThreadsProbe() {
    }

    public static void main(String[] args) throws IOException {
        Engine engine = Engines.load(EngineChoice.MXNET);
        try (NDManager m = engine.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(512, 512));
            for (int i = 0; i < 3; i++) {
                x.matMul(x).sum().getFloat();
            }
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            System.out.println("threads " + tasks.filter(t -> comm(t).equals("java")).count());
        }
    }

    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm")).trim();
        } catch (IOException e) {
            return "";
        }
    }
}
