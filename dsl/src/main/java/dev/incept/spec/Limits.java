package dev.incept.spec;

/**
 * Bounds that keep a hostile or generated description from looping for hours or overflowing the
 * stack; no real network comes near them.
 */
public final class Limits {
    public static final int MAX_REPEAT = 10_000;
    public static final int MAX_NESTING = 200;

    private Limits() {
    }
}
