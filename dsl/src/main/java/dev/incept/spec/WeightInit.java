package dev.incept.spec;

import java.util.Locale;

/**
 * How a network's convolution and dense weights start, where the papers' code differs (biases start
 * at zero, normalisation scales at one, in all three):
 * <ul>
 * <li>{@code HE_NORMAL}: normal with standard deviation sqrt(2 / fan-in), for ReLU networks (He et al. 2015);</li>
 * <li>{@code GLOROT_UNIFORM}: uniform within sqrt(6 / (fan-in + fan-out)), Keras's default, which its Xception uses;</li>
 * <li>{@code TRUNC_NORMAL}: timm's trunc_normal_(std=0.02) for InceptionNeXt and ConvNeXt.</li>
 * </ul>
 * Fans count a convolution's window in PyTorch's layout (fan-in: input channels per group times the
 * kernel's area). Keras lays a depthwise kernel out otherwise, but Glorot's sum of the two fans is
 * the same in both.
 */
public enum WeightInit {
    HE_NORMAL, GLOROT_UNIFORM, TRUNC_NORMAL;

    /** timm's standard deviation for {@link #TRUNC_NORMAL}. */
    public static final double TRUNC_NORMAL_STD = 0.02;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
