package dev.incept.analysis;

/** What a resolved layer is; the identity that code switches on, where the kind text is only for people. */
public enum LayerKind {
    CONV, POOL, GLOBAL_POOL, ADAPTIVE_POOL, DROPOUT, DENSE, SEQUENCE, CONCAT, RESIDUAL, REPEAT
}
