package dev.incept.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeHeapTest {
    @Test
    void theUsersOwnAllocatorSettingsOrTheSwitchLeaveGlibcAlone() {
        assertTrue(NativeHeap.wanted(Map.of("PATH", "/usr/bin", "INCEPT_NATIVE_HEAP", "held")));
        assertFalse(NativeHeap.wanted(Map.of("INCEPT_NATIVE_HEAP", "default")));
        assertFalse(NativeHeap.wanted(Map.of("MALLOC_TRIM_THRESHOLD_", "0")));
        assertFalse(NativeHeap.wanted(Map.of("MALLOC_MMAP_THRESHOLD_", "131072")));
        assertFalse(NativeHeap.wanted(Map.of("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1")));
    }

    @Test
    void loadingAnEngineHoldsFreedMemoryOnGlibc() {
        Engines.load(EngineChoice.MXNET);
        boolean glibc = System.getProperty("os.name").startsWith("Linux");
        assertEquals(glibc && NativeHeap.wanted(System.getenv()), NativeHeap.hold());
    }
}
