package dev.incept.spec;

/**
 * What a parameter tensor is to its layer. NORM_SCALE and NORM_SHIFT are the per-channel scale and
 * shift of a normalisation without running statistics (layer norm, group norm), as PyTorch names
 * both weight and bias.
 */
public enum ParameterRole {
    DEPTHWISE_WEIGHT, CONV_WEIGHT, NORM_SCALE, NORM_SHIFT, LAYER_SCALE, GATE_REDUCE_WEIGHT, GATE_REDUCE_BIAS,
    GATE_EXPAND_WEIGHT, GATE_EXPAND_BIAS, CONV_BIAS, BN_SCALE, BN_SHIFT, BN_MEAN, BN_VARIANCE, DENSE_WEIGHT, DENSE_BIAS
}
