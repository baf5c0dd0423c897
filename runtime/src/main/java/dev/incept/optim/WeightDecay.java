package dev.incept.optim;

/** Which parameters weight decay applies to: convolution and dense weights, not biases or batch norm. */
public final class WeightDecay {
    private WeightDecay() {
    }

    public static boolean applies(String parameterName) {
        return parameterName.endsWith("_weight");
    }
}
