package dev.incept.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

/**
 * Local response normalisation across channels, as PyTorch's LocalResponseNorm computes it: the
 * squares' mean over a window of {@code size} channels (zero-padded at the ends, the padding
 * counted), times alpha, plus k, to the power beta, divides the input. The mean is an average pool
 * over the channel axis of an N x 1 x C x (H*W) view, which both engines run natively.
 */
final class LocalResponseNorm {
    private LocalResponseNorm() {
    }

    static NDArray apply(NDArray x, int size, double alpha, double beta, double k) {
        Shape s = x.getShape();
        NDArray squares = x.square().reshape(s.get(0), 1, s.get(1), s.size() / (s.get(0) * s.get(1)));
        NDArray mean = Pool.avgPool2d(squares, new Shape(size, 1), new Shape(1, 1), new Shape((size - 1) / 2, 0), false, true);
        NDArray divisor = mean.mul((float) alpha).add((float) k).pow((float) beta);
        return x.div(divisor.reshape(s));
    }
}
