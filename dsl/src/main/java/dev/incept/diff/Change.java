package dev.incept.diff;

/** How a block of one network compares with the block at the same path in the other. */
public enum Change {
    /** At the same path in both, with another shape, count or structure. */
    DIFFERS,
    /** Only in the first network (the student's, when grading). */
    ONLY_FIRST,
    /** Only in the second (the reference). */
    ONLY_SECOND
}
