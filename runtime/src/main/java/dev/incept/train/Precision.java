package dev.incept.train;

import ai.djl.ndarray.types.DataType;
import java.util.Locale;

/**
 * The number format a training step computes its convolutions and dense layers in, as PyTorch's
 * autocast does: the weights stay float32 (the optimizer updates those), each step multiplies
 * with a 16-bit copy of them, batch norm keeps its float32 statistics and the loss is taken in
 * float32. {@link #FP16}'s narrow exponent lets small gradients underflow, so its steps scale the
 * loss ({@link LossScale}); bfloat16 has float32's exponent and needs none.
 */
public enum Precision {
    FLOAT32("float32", DataType.FLOAT32),
    BF16("bf16", DataType.BFLOAT16),
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

    /** "float32", "fp32", "bf16" or "fp16", any case; null for anything else. */
    public static Precision parse(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "float32", "fp32" -> FLOAT32;
            case "bf16", "bfloat16" -> BF16;
            case "fp16", "float16" -> FP16;
            default -> null;
        };
    }
}
