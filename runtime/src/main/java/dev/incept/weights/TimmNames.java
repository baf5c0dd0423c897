package dev.incept.weights;

import java.util.ArrayList;
import java.util.List;

/**
 * timm's module names for inception_v4 and inception_resnet_v2, in the order the zoo's twins hold
 * their convolutions (each block's branches in timm's concatenation order). Read from timm's model
 * source (timm/models/inception_v4.py, inception_resnet_v2.py): a ConvNormAct or BasicConv2d
 * module M holds M.conv.weight and M.bn.*; a residual block's 1x1 projection is a bare Conv2d
 * with a bias, M.weight and M.bias.
 */
final class TimmNames {
    private TimmNames() {
    }

    /** inception_v4: everything but the classifier lives in the sequential {@code features}. */
    static List<String> inceptionV4Convs() {
        List<String> out = new ArrayList<>(List.of("features.0", "features.1", "features.2", "features.3.conv"));
        with(out, "features.4", "branch0.0", "branch0.1", "branch1.0", "branch1.1", "branch1.2", "branch1.3");
        out.add("features.5.conv");
        for (int i = 6; i <= 9; i++) {
            with(out, "features." + i, "branch0", "branch1.0", "branch1.1", "branch2.0", "branch2.1", "branch2.2", "branch3.1");
        }
        with(out, "features.10", "branch0", "branch1.0", "branch1.1", "branch1.2");
        for (int i = 11; i <= 17; i++) {
            with(out, "features." + i, "branch0", "branch1.0", "branch1.1", "branch1.2",
                    "branch2.0", "branch2.1", "branch2.2", "branch2.3", "branch2.4", "branch3.1");
        }
        with(out, "features.18", "branch0.0", "branch0.1", "branch1.0", "branch1.1", "branch1.2", "branch1.3");
        for (int i = 19; i <= 21; i++) {
            with(out, "features." + i, "branch0", "branch1_0", "branch1_1a", "branch1_1b",
                    "branch2_0", "branch2_1", "branch2_2", "branch2_3a", "branch2_3b", "branch3.1");
        }
        return out;
    }

    /** inception_resnet_v2: named stem layers, then mixed blocks and the repeats of residual blocks. */
    static List<String> inceptionResNetV2Convs() {
        List<String> out = new ArrayList<>(List.of("conv2d_1a", "conv2d_2a", "conv2d_2b", "conv2d_3b", "conv2d_4a"));
        with(out, "mixed_5b", "branch0", "branch1.0", "branch1.1", "branch2.0", "branch2.1", "branch2.2", "branch3.1");
        for (int i = 0; i < 10; i++) {
            with(out, "repeat." + i, "branch0", "branch1.0", "branch1.1", "branch2.0", "branch2.1", "branch2.2", "conv2d");
        }
        with(out, "mixed_6a", "branch0", "branch1.0", "branch1.1", "branch1.2");
        for (int i = 0; i < 20; i++) {
            with(out, "repeat_1." + i, "branch0", "branch1.0", "branch1.1", "branch1.2", "conv2d");
        }
        with(out, "mixed_7a", "branch0.0", "branch0.1", "branch1.0", "branch1.1", "branch2.0", "branch2.1", "branch2.2");
        for (int i = 0; i < 9; i++) {
            with(out, "repeat_2." + i, "branch0", "branch1.0", "branch1.1", "branch1.2", "conv2d");
        }
        with(out, "block8", "branch0", "branch1.0", "branch1.1", "branch1.2", "conv2d");
        out.add("conv2d_7b");
        return out;
    }

    private static void with(List<String> into, String block, String... modules) {
        for (String m : modules) {
            into.add(block + "." + m);
        }
    }
}
