package dev.incept.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CpuThreadsTest {

    @Test
    void mxnetSeesEveryCoreUnlessTheUserChoseAThreadCount() {
        Engines.load(EngineChoice.MXNET);
        String user = System.getenv(CpuThreads.VARIABLE);
        String expected = user != null && !user.isBlank() ? user : Integer.toString(Runtime.getRuntime().availableProcessors());
        assertEquals(expected, CpuThreads.current());
    }
}
