package dev.incept.optim;

import java.util.List;

/**
 * The optimizers there are, one list for the settings, checkpoints and command lines
 * ({@link OptimizerSpec#kind()}) and for the one-call update: the number each rule is called by and
 * the numbers it takes, in order. The scripted update (runtime/src/main/python/fused_update.py) and the torch
 * shim's compiled copy (runtime/src/main/native/incept_torch_shim.cpp) branch on these numbers and
 * bind these operands; a test reads both sources and holds them to this table.
 */
public enum OptimizerKind {
    SGD(0, "momentum"),
    RMSPROP(1, "decay", "epsilon", "momentum"),
    ADAM(2, "beta1", "beta2", "epsilon", "correction1", "correction2");

    private final int code;
    private final List<String> operands;

    OptimizerKind(int code, String... operands) {
        this.code = code;
        this.operands = List.of(operands);
    }

    /** The number the update's back ends branch on. */
    public int code() {
        return code;
    }

    /** The names of the rule's numbers, in the order the back ends read them. */
    public List<String> operands() {
        return operands;
    }
}
