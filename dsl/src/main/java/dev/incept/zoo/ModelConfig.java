package dev.incept.zoo;

import dev.incept.spec.SpecException;

/**
 * What every zoo model is parameterised by. Nothing in the zoo assumes 299x299, RGB or 1000
 * classes; a too-small input is rejected by analysis with the block that no longer fits.
 *
 * @param auxBatchNorm batch-normalise the auxiliary head's fully connected layer (the v3 paper's
 *                     "BN-auxiliary"); without it that layer has a bias and no batch norm
 */
public record ModelConfig(int classes, int channels, int inputSize, boolean aux, boolean auxBatchNorm) {
    public ModelConfig {
        if (classes < 1) {
            throw new SpecException("", "classes must be positive, got " + classes);
        }
        if (channels < 1) {
            throw new SpecException("", "input channels must be positive, got " + channels);
        }
        if (inputSize < 1) {
            throw new SpecException("", "input size must be positive, got " + inputSize);
        }
    }

    public static ModelConfig imagenet(int inputSize) {
        return new ModelConfig(1000, 3, inputSize, false, true);
    }

    public ModelConfig withAux(boolean on) {
        return new ModelConfig(classes, channels, inputSize, on, auxBatchNorm);
    }

    public ModelConfig withAuxBatchNorm(boolean on) {
        return new ModelConfig(classes, channels, inputSize, aux, on);
    }

    public ModelConfig withClasses(int n) {
        return new ModelConfig(n, channels, inputSize, aux, auxBatchNorm);
    }

    public ModelConfig withInput(int inputChannels, int size) {
        return new ModelConfig(classes, inputChannels, size, aux, auxBatchNorm);
    }
}
