package dev.incept.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
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

    /** glibc's mallinfo2: the heap's own figures, read back from the allocator itself. */
    @Structure.FieldOrder({"arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost"})
    public static class MallInfo extends Structure implements Structure.ByValue {
        public long arena;
        public long ordblks;
        public long smblks;
        public long hblks;
        public long hblkhd;
        public long usmblks;
        public long fsmblks;
        public long uordblks;
        public long fordblks;
        public long keepcost;
    }

    @Test
    void aFreedActivationSizedBlockStaysInTheHeapInsteadOfGoingBackToTheKernel() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && NativeHeap.wanted(System.getenv()), "glibc, settings not overridden");
        Engines.load(EngineChoice.MXNET);
        NativeLibrary c = NativeLibrary.getInstance("c");
        Function malloc = c.getFunction("malloc");
        Function free = c.getFunction("free");
        Function mallinfo2 = c.getFunction("mallinfo2");
        // 16 MiB: far above glibc's default mmap threshold (128 KiB), and within one heap of a thread's
        // arena (64 MiB), where a JVM thread's allocations go
        long size = 16L << 20;
        MallInfo before = (MallInfo) mallinfo2.invoke(MallInfo.class, new Object[0]);
        Pointer block = (Pointer) malloc.invoke(Pointer.class, new Object[] {size});
        MallInfo held = (MallInfo) mallinfo2.invoke(MallInfo.class, new Object[0]);
        free.invoke(Void.class, new Object[] {block});
        MallInfo after = (MallInfo) mallinfo2.invoke(MallInfo.class, new Object[0]);
        assertEquals(before.hblkhd, held.hblkhd, "served from the heap, not from a fresh mapping");
        assertTrue(after.arena >= size, "after free() the heap still holds the block's pages: " + after.arena + " bytes");
    }
}
