package dev.incept.weights;

import dev.incept.compile.ParameterSlots;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The timm module of each InceptionNeXt layer, by the zoo's path (see {@link dev.incept.zoo.InceptionNext}). */
    private static final List<java.util.Map.Entry<Pattern, String>> INCEPTION_NEXT = List.of(
            java.util.Map.entry(Pattern.compile("stem/conv4x4"), "stem.0"),
            java.util.Map.entry(Pattern.compile("stem/batchnorm"), "stem.1"),
            java.util.Map.entry(Pattern.compile("stage(\\d+)/batchnorm"), "stages.{s}.downsample.0"),
            java.util.Map.entry(Pattern.compile("stage(\\d+)/downsample"), "stages.{s}.downsample.1"),
            java.util.Map.entry(Pattern.compile("stage(\\d+)/blocks/(\\d+)/body/mixer/branch1"), "stages.{s}.blocks.{b}.token_mixer.dwconv_hw"),
            java.util.Map.entry(Pattern.compile("stage(\\d+)/blocks/(\\d+)/body/mixer/branch2"), "stages.{s}.blocks.{b}.token_mixer.dwconv_w"),
            java.util.Map.entry(Pattern.compile("stage(\\d+)/blocks/(\\d+)/body/mixer/branch3"), "stages.{s}.blocks.{b}.token_mixer.dwconv_h"),
            java.util.Map.entry(Pattern.compile("stage(\\d+)/blocks/(\\d+)/body/batchnorm"), "stages.{s}.blocks.{b}.norm"),
            java.util.Map.entry(Pattern.compile("stage(\\d+)/blocks/(\\d+)/body/fc1"), "stages.{s}.blocks.{b}.mlp.fc1"),
            java.util.Map.entry(Pattern.compile("stage(\\d+)/blocks/(\\d+)/body/fc2"), "stages.{s}.blocks.{b}.mlp.fc2"),
            java.util.Map.entry(Pattern.compile("stage(\\d+)/blocks/(\\d+)/body/layerscale"), "stages.{s}.blocks.{b}"),
            java.util.Map.entry(Pattern.compile("head/fc1"), "head.fc1"),
            java.util.Map.entry(Pattern.compile("head/layernorm"), "head.norm"),
            java.util.Map.entry(Pattern.compile("head/fc2"), "head.fc2"));

    /**
     * timm's inception_next_* names (timm/models/inception_next.py): stages and blocks count from 0
     * where the zoo's paths count from 1; a layer scale is its block's {@code gamma}; the classifier
     * is {@code head.fc2}.
     */
    static List<PublishedNames.Name> inceptionNext(List<ParameterSlots.Slot> slots) {
        List<PublishedNames.Name> out = new ArrayList<>();
        for (ParameterSlots.Slot s : slots) {
            String path = s.layer().path();
            String module = null;
            for (var e : INCEPTION_NEXT) {
                Matcher m = e.getKey().matcher(path);
                if (m.matches()) {
                    module = e.getValue();
                    if (m.groupCount() >= 1) {
                        module = module.replace("{s}", Integer.toString(Integer.parseInt(m.group(1)) - 1));
                    }
                    if (m.groupCount() >= 2) {
                        module = module.replace("{b}", Integer.toString(Integer.parseInt(m.group(2)) - 1));
                    }
                    break;
                }
            }
            if (module == null) {
                throw new WeightsException(path + " has no counterpart in timm's inception_next");
            }
            String tensor = switch (s.role()) {
                case CONV_WEIGHT, DENSE_WEIGHT, BN_SCALE, NORM_SCALE -> "weight";
                case CONV_BIAS, DENSE_BIAS, BN_SHIFT, NORM_SHIFT -> "bias";
                case BN_MEAN -> "running_mean";
                case BN_VARIANCE -> "running_var";
                case LAYER_SCALE -> "gamma";
                default -> throw new WeightsException(path + " has no counterpart in timm's inception_next");
            };
            out.add(new PublishedNames.Name(module + "." + tensor, path, path.equals("head/fc2")));
        }
        return out;
    }

    private static void with(List<String> into, String block, String... modules) {
        for (String m : modules) {
            into.add(block + "." + m);
        }
    }
}
