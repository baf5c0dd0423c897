package dev.incept.train;

/** Which parameters weight decay applies to: convolution and dense weights, not biases or batch norm. */
final class WeightDecay {
    private WeightDecay() {
    }

    static boolean applies(String parameterName) {
        return parameterName.endsWith("_weight");
    }
}
