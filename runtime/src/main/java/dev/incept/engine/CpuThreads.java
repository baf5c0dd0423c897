package dev.incept.engine;

/**
 * Gives MXNet every core. Unless OMP_NUM_THREADS is set, MXNet 1.9 assumes that half of the
 * processors it sees are hyper-threads and runs its OpenMP kernels on the other half: one thread on
 * a 2-core machine, where a thread dump shows one worker doing all the work, at half the machine's
 * speed (bench/ and ../shared/STACK.md have the figures). MXNet reads the variable when its library
 * loads, so it is set in this process's environment (libc setenv) before that; a value the user
 * set is left alone.
 */
final class CpuThreads {
    static final String VARIABLE = "OMP_NUM_THREADS";

    private CpuThreads() {
    }

    /** Sets OMP_NUM_THREADS to the processor count if unset; returns the value in effect. */
    static String useEveryCore() {
        return ProcessEnvironment.setUnlessSet(VARIABLE, Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    /** What the native libraries will see (System.getenv keeps the JVM's start-up copy). */
    static String current() {
        return ProcessEnvironment.get(VARIABLE);
    }
}
