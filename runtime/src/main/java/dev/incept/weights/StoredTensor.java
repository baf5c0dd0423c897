package dev.incept.weights;

import java.util.Arrays;

/** One tensor of a weights file, as float32 values in row-major order. */
public record StoredTensor(String name, long[] shape, float[] values) {
    public String shapeText() {
        return Arrays.toString(shape);
    }
}
