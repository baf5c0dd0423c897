package dev.incept.spec;

import java.util.Locale;

/**
 * What follows a layer, or what an activation layer computes. {@code LINEAR} is none at all;
 * {@code GELU} is the exact (erf) form, {@code GELU_TANH} the tanh approximation; {@code SOFTMAX}
 * normalises over the channels and may only end a network or an aux head. The names in Java,
 * Kotlin, JSON and the summary are the same words in lower case.
 */
public enum ActivationKind {
    RELU, RELU6, GELU, GELU_TANH, SILU, SIGMOID, TANH, HARD_SWISH, LINEAR, SOFTMAX;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
