package dev.incept.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OneDnnIsaTest {

    @Test
    void loadingPyTorchCapsItsOneDnnToTheKernelsThatComputeRightUnlessTheUserChose() {
        Engines.load(EngineChoice.PYTORCH);
        String chosen = System.getenv(OneDnnIsa.VARIABLE);
        String expected = chosen != null && !chosen.isBlank() ? chosen : OneDnnIsa.CAP;
        assertEquals(expected, ProcessEnvironment.get(OneDnnIsa.VARIABLE));
    }
}
