package dev.incept.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import dev.incept.spec.ActivationKind;
import java.util.function.UnaryOperator;

/**
 * Each activation as engine operations, with the same formulas as PyTorch's modules. Softmax
 * compiles to nothing: the analyser allows it only as a network's last operation, and the
 * training loss and evaluation apply it to the logits themselves (an ONNX export writes it out).
 */
final class ActivationOps {
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    private ActivationOps() {
    }

    /** Whether the activation leaves the compiled values as they are. */
    static boolean isIdentity(ActivationKind kind) {
        return kind == ActivationKind.LINEAR || kind == ActivationKind.SOFTMAX;
    }

    /** The activation as a block, or null where it is the identity. */
    static Block block(ActivationKind kind) {
        return isIdentity(kind) ? null : new OpBlock(kind.jsonName(), op(kind), s -> s);
    }

    static UnaryOperator<NDArray> op(ActivationKind kind) {
        return switch (kind) {
            case RELU -> Activation::relu;
            case RELU6 -> Activation::relu6;
            case GELU -> Activation::gelu;
            case GELU_TANH -> x -> x.pow(3).mul(0.044715f).add(x).mul((float) SQRT_2_OVER_PI).tanh().add(1).mul(x).mul(0.5f);
            case SILU -> x -> x.mul(Activation.sigmoid(x));
            case SIGMOID -> Activation::sigmoid;
            case TANH -> Activation::tanh;
            case HARD_SWISH -> x -> x.mul(Activation.relu6(x.add(3))).div(6);
            case LINEAR, SOFTMAX -> x -> x;
        };
    }
}
