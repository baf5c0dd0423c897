package dev.incept.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CpuThreadsTest {

    /**
     * The effect, not the rule: MXNet's OpenMP runs one worker per core. Two processes run the same
     * kernels, one told to use a single OpenMP thread; the other, left to incept, has exactly one
     * more native worker per further core. (MXNet's own default, half the cores, would give half.)
     */
    @Test
    void mxnetRunsItsKernelsOnEveryCore() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        assumeTrue(cores >= 2, "one core: nothing to tell apart");
        int one = probe("1");
        int every = probe(null);
        assertEquals(cores - 1, every - one, "native workers beyond a single-threaded run, on " + cores + " cores");
    }

    private static int probe(String ompThreads) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                OpenMpThreadsProbe.class.getName())).redirectErrorStream(true);
        pb.environment().remove(CpuThreads.VARIABLE);
        if (ompThreads != null) {
            pb.environment().put(CpuThreads.VARIABLE, ompThreads);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the probe did not finish in 120 s");
        assertEquals(0, p.exitValue(), out);
        String line = out.lines().filter(l -> l.startsWith("threads ")).reduce((a, b) -> b).orElseThrow(() -> new AssertionError(out));
        return Integer.parseInt(line.substring("threads ".length()).trim());
    }
}
