package dev.incept.train;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;
import dev.incept.spec.WeightInit;

/** Each {@link WeightInit} as DJL's initialiser of every convolution and dense weight. */
public final class Initializers {
    private Initializers() {
    }

    /** Sets {@code block}'s weight initialiser as {@code init} says; biases and norms keep DJL's zeros and ones. */
    public static void apply(Block block, WeightInit init) {
        block.setInitializer(of(init), Parameter.Type.WEIGHT);
    }

    static Initializer of(WeightInit init) {
        return switch (init) {
            // DJL's Xavier follows MXNet's: a spread of sqrt(magnitude / fan), the fans counting the kernel window
            case HE_NORMAL -> new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2);
            // uniform within sqrt(3 / ((in + out) / 2)) = sqrt(6 / (in + out))
            case GLOROT_UNIFORM -> new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3);
            // timm truncates at -2 and 2, a hundred standard deviations out: in effect a plain normal
            case TRUNC_NORMAL -> new NormalInitializer((float) WeightInit.TRUNC_NORMAL_STD);
        };
    }
}
