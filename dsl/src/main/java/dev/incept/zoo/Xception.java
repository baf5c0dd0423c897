package dev.incept.zoo;

import static dev.incept.spec.Layers.activation;
import static dev.incept.spec.Layers.batchNorm;
import static dev.incept.spec.Layers.block;
import static dev.incept.spec.Layers.conv;
import static dev.incept.spec.Layers.dense;
import static dev.incept.spec.Layers.globalAvgPool;
import static dev.incept.spec.Layers.maxPool;
import static dev.incept.spec.Layers.repeat;
import static dev.incept.spec.Layers.separable;
import static dev.incept.spec.Layers.seq;

import dev.incept.spec.ActivationKind;
import dev.incept.spec.BatchNorm;
import dev.incept.spec.Layer;
import dev.incept.spec.Network;
import dev.incept.spec.WeightInit;
import dev.incept.spec.Residual;
import java.util.ArrayList;
import java.util.List;

/**
 * Xception ("Extreme Inception", Chollet 2017) as Keras's applications build it: an Inception
 * module taken to the limit, every cross-channel and spatial correlation separated (a depthwise
 * 3x3 then a pointwise 1x1), in residual blocks whose sums have no ReLU. Batch norm follows each
 * convolution as a layer of its own, with its scale, as Keras's BatchNormalization() has it.
 */
public final class Xception {
    /**
     * The mini's running statistics keep 0.9 a step, as incept's other batch norms do: Keras's 0.99
     * still weighs the initial statistics by a tenth after a 234-step epoch, and evaluation after a
     * short run reads them.
     */
    private static final double SHORT_RUN_MOMENTUM = 0.9;

    private Xception() {
    }

    public static Network build(ModelConfig cfg) {
        // Keras's Xception starts its weights as Keras does: Glorot's uniform
        return Network.builder("xception").input(cfg.channels(), cfg.inputSize(), cfg.inputSize()).init(WeightInit.GLOROT_UNIFORM)
                .add(block("entry",
                        conv(32, 3).stride(2).valid().batchNorm(false).bias(false).linear(), batchNorm(), relu(),
                        conv(64, 3).valid().batchNorm(false).bias(false).linear(), batchNorm(), relu()))
                .add(reduction("block2", 128, 128, false), reduction("block3", 256, 256, true), reduction("block4", 728, 728, true))
                .add(repeat("middle", 8, middle(728)))
                .add(reduction("block13", 728, 1024, true))
                .add(block("exit", separable(1536, 3).bias(false), batchNorm(), relu(), separable(2048, 3).bias(false), batchNorm(), relu()))
                .add(globalAvgPool().named("avgpool"), dense(cfg.classes()).named("logits"))
                .build();
    }

    /**
     * Xception at Fashion-MNIST's scale (28x28): the same flows with the entry's convolutions kept
     * at full resolution (28x28), two reductions to 7x7 (96 and 192 wide), two middle blocks of 192 and an
     * exit of 384 and 512; about the multiply-adds of inception-mini.
     */
    public static Network mini(ModelConfig cfg) {
        double m = SHORT_RUN_MOMENTUM;
        return Network.builder("xception-mini").input(cfg.channels(), cfg.inputSize(), cfg.inputSize()).init(WeightInit.GLOROT_UNIFORM)
                .add(block("entry", conv(32, 3).batchNorm(false).bias(false).linear(), bn(m), relu(),
                        conv(64, 3).batchNorm(false).bias(false).linear(), bn(m), relu()))
                .add(reduction("block2", 96, 96, false, m), reduction("block3", 192, 192, true, m))
                .add(repeat("middle", 2, middle(192, m)))
                .add(block("exit", separable(384, 3).bias(false), bn(m), relu(), separable(512, 3).bias(false), bn(m), relu()))
                .add(globalAvgPool().named("avgpool"), dense(cfg.classes()).named("logits"))
                .build();
    }

    /** [relu] sep a, bn, relu, sep b, bn, max 3x3/2, added to a strided 1x1 of the input: the entry and exit flows' block. */
    public static Residual reduction(String name, int a, int b, boolean reluFirst) {
        return reduction(name, a, b, reluFirst, BatchNorm.KERAS_MOMENTUM);
    }

    /** As {@link #reduction(String, int, int, boolean)}, its batch norms' running statistics keeping {@code momentum} a step. */
    public static Residual reduction(String name, int a, int b, boolean reluFirst, double momentum) {
        List<Layer> body = new ArrayList<>();
        if (reluFirst) {
            body.add(relu());
        }
        body.addAll(sepBn(a, momentum));
        body.add(relu());
        body.addAll(sepBn(b, momentum));
        body.add(maxPool(3, 2).same());
        Layer shortcut = seq(conv(b, 1).stride(2).batchNorm(false).bias(false).linear(), bn(momentum));
        return new Residual(name, seq(body.toArray(Layer[]::new)), false, 1.0, ActivationKind.LINEAR, shortcut);
    }

    /** The middle flow's block: three times relu, sep 3x3, bn, added to the input. */
    public static Residual middle(int width) {
        return middle(width, BatchNorm.KERAS_MOMENTUM);
    }

    public static Residual middle(int width, double momentum) {
        List<Layer> body = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            body.add(relu());
            body.addAll(sepBn(width, momentum));
        }
        return new Residual("", seq(body.toArray(Layer[]::new)), false, 1.0, ActivationKind.LINEAR);
    }

    /** Keras's SeparableConv2D(filters, 3, padding='same', use_bias=False) and its BatchNormalization(). */
    private static List<Layer> sepBn(int filters, double momentum) {
        return List.of(separable(filters, 3).bias(false), bn(momentum));
    }

    private static Layer bn(double momentum) {
        return batchNorm().momentum(momentum);
    }

    private static Layer relu() {
        return activation(ActivationKind.RELU);
    }
}
