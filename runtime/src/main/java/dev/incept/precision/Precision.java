package dev.incept.precision;

import ai.djl.ndarray.types.DataType;
import java.util.Locale;

/**
 * The number format a training step computes its convolutions and dense layers in, as PyTorch's
 * autocast does: the weights stay float32 (the optimizer updates those), each step multiplies
 * with a 16-bit copy of them, batch norm keeps its float32 statistics and the loss is taken in
 * float32. float16's narrow exponent lets small gradients underflow, so its steps scale the loss
 * ({@link LossScale}).
 *
 * <p>There is no bfloat16: DJL 0.36's PyTorch bridge has no code for it, and the first call that
 * meets a bfloat16 array aborts the process ("terminate called without an active exception").
 */
public enum Precision {
    FLOAT32("float32", DataType.FLOAT32),
    FP16("fp16", DataType.FLOAT16);

    private final String label;
    private final DataType dataType;

    Precision(String label, DataType dataType) {
        this.label = label;
        this.dataType = dataType;
    }

    public String label() {
        return label;
    }

    /** The format of the activations and of the weights' working copies. */
    public DataType dataType() {
        return dataType;
    }

    /** Whether steps compute in a 16-bit format. */
    public boolean reduced() {
        return this != FLOAT32;
    }

    /** "float32" (or "fp32") or "fp16" (or "float16"), any case; anything else is refused with the reason. */
    public static Precision of(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "float32", "fp32" -> FLOAT32;
            case "fp16", "float16" -> FP16;
            case "bf16", "bfloat16" -> throw new IllegalArgumentException("precision " + text
                    + " is not available: DJL's PyTorch bridge cannot hold bfloat16 arrays (the process would abort); fp16 is");
            default -> throw new IllegalArgumentException("precision takes float32 or fp16, not '" + text + "'");
        };
    }
}
