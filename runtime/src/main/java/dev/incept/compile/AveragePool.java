package dev.incept.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import dev.incept.engine.EngineChoice;

/**
 * An average pool that honours the description's padding rule on both engines. DJL's PyTorch
 * bridge drops its count-include-pad flag and always divides by the whole window, padding
 * included (a 3x3 "same" pool of ones gives 4/9 in a corner where MXNet gives 1). Where the
 * description excludes padding, the PyTorch result is divided by the same pool of ones, which
 * turns "sum over the window's divisor" into "sum over the pixels really inside": the same
 * values and gradients as MXNet's own flag.
 */
final class AveragePool {
    private AveragePool() {
    }

    static NDArray apply(NDArray x, Shape kernel, Shape stride, Shape padding, boolean ceil, boolean countIncludePad) {
        NDArray sum = Pool.avgPool2d(x, kernel, stride, padding, ceil, countIncludePad);
        boolean padded = padding.get(0) > 0 || padding.get(1) > 0;
        if (countIncludePad || !padded || EngineChoice.of(x.getManager()) != EngineChoice.PYTORCH) {
            return sum;
        }
        Shape s = x.getShape();
        // In x's own type: a float32 divisor would turn a 16-bit step's activations back into float32.
        NDArray ones = x.getManager().ones(new Shape(1, 1, s.get(2), s.get(3)), x.getDataType());
        NDArray inside = Pool.avgPool2d(ones, kernel, stride, padding, ceil, true);
        return sum.div(inside);
    }
}
