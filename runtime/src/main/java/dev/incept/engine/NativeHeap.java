package dev.incept.engine;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.List;
import java.util.Map;

/**
 * Keeps glibc from handing freed tensor memory back to the kernel. Both engines free and allocate
 * the same large activations every training step; by default glibc serves blocks above its
 * (adaptive) mmap threshold with fresh mappings and trims the heap top when it is freed, so each
 * step faults the same pages in again; bench/ has the faults and the speed this saves (the
 * peer-djl-googlenet-glibc case runs without it). It goes through mallopt when an engine is
 * loaded, so notebooks and user programs get it, not only the incept command. Variables the user
 * set (MALLOC_*_, GLIBC_TUNABLES) win; INCEPT_NATIVE_HEAP=default keeps glibc's own behaviour.
 *
 * <p>A JVM thread allocates from one of glibc's thread arenas, never the main one, and a thread
 * arena grows in heaps of at most 64 MiB: a single block larger than that is still mapped and
 * unmapped on every use, whatever the threshold (NativeHeapTest allocates below that size).
 */
final class NativeHeap {
    static final String SWITCH = "INCEPT_NATIVE_HEAP";
    private static final List<String> USER_SETTINGS = List.of("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_",
            "MALLOC_TOP_PAD_", "GLIBC_TUNABLES");
    // glibc's mallopt parameter numbers (malloc.h).
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int GIB = 1 << 30;

    private static Boolean held;

    private NativeHeap() {
    }

    /** Whether incept should set the heap up in an environment like {@code env}. */
    static boolean wanted(Map<String, String> env) {
        if ("default".equals(env.get(SWITCH))) {
            return false;
        }
        return USER_SETTINGS.stream().noneMatch(env::containsKey);
    }

    /** Once per process: true when the settings are in effect, false where they were not wanted or not possible. */
    static synchronized boolean hold() {
        if (held == null) {
            held = wanted(System.getenv()) && apply();
        }
        return held;
    }

    private static boolean apply() {
        Function mallopt;
        try {
            mallopt = NativeLibrary.getInstance("c").getFunction("mallopt");
        } catch (UnsatisfiedLinkError e) {
            return false; // not glibc (macOS, musl): nothing to tune
        }
        // mallopt takes an int, so 1-2 GiB stand for "never" here; an activation larger than that
        // is still mapped and unmapped, which at that size costs little next to its computation.
        boolean ok = mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, GIB}) == 1;
        ok &= mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, Integer.MAX_VALUE}) == 1;
        ok &= mallopt.invokeInt(new Object[] {M_TOP_PAD, GIB}) == 1;
        return ok;
    }
}
