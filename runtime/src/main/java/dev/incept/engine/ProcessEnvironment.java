package dev.incept.engine;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

/**
 * This process's own environment, as native libraries read it: System.getenv keeps the JVM's
 * start-up copy, so settings a native library reads when it loads go through libc's setenv.
 */
final class ProcessEnvironment {
    private ProcessEnvironment() {
    }

    /** Sets {@code name} to {@code value} unless the user set it; returns the value in effect (null if setenv failed). */
    static String setUnlessSet(String name, String value) {
        String set = System.getenv(name);
        if (set != null && !set.isBlank()) {
            return set;
        }
        Function setenv = NativeLibrary.getInstance("c").getFunction("setenv");
        return setenv.invokeInt(new Object[] {name, value, 1}) == 0 ? value : null;
    }

    /** What the native libraries see now. */
    static String get(String name) {
        Function getenv = NativeLibrary.getInstance("c").getFunction("getenv");
        return getenv.invokeString(new Object[] {name}, false);
    }
}
