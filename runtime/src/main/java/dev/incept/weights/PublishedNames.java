package dev.incept.weights;

import dev.incept.zoo.Card;
import dev.incept.zoo.Zoo;

import dev.incept.analysis.Analysis;
import dev.incept.compile.ParameterSlots;
import dev.incept.analysis.ResolvedAux;
import dev.incept.analysis.ResolvedLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * Published tensor names (torchvision's for googlenet-3x3 and inception-v3, timm's for
 * inception-v4 and inception-resnet-v2 through {@link TimmNames}) for the zoo models that mirror those networks, in the order of the
 * compiled block's parameters: the resolved tree's convolutions and dense layers, main network
 * first and then each aux head, each paired with torchvision's module of the same place. A
 * BasicConv2d module M holds M.conv.weight and M.bn.{weight, bias, running_mean, running_var}.
 */
final class PublishedNames {
    /** One of our parameters: torchvision's name for it, the resolved path it belongs to, and whether it is a classifier's. */
    record Name(String key, String path, boolean classifier) {
    }

    private static final List<String> GOOGLENET_BLOCKS = List.of("3a", "3b", "4a", "4b", "4c", "4d", "4e", "5a", "5b");
    private static final List<String> V3_A = List.of("branch1x1", "branch5x5_1", "branch5x5_2", "branch3x3dbl_1", "branch3x3dbl_2",
            "branch3x3dbl_3", "branch_pool");
    private static final List<String> V3_B = List.of("branch3x3", "branch3x3dbl_1", "branch3x3dbl_2", "branch3x3dbl_3");
    private static final List<String> V3_C = List.of("branch1x1", "branch7x7_1", "branch7x7_2", "branch7x7_3", "branch7x7dbl_1",
            "branch7x7dbl_2", "branch7x7dbl_3", "branch7x7dbl_4", "branch7x7dbl_5", "branch_pool");
    private static final List<String> V3_D = List.of("branch3x3_1", "branch3x3_2", "branch7x7x3_1", "branch7x7x3_2", "branch7x7x3_3",
            "branch7x7x3_4");
    private static final List<String> V3_E = List.of("branch1x1", "branch3x3_1", "branch3x3_2a", "branch3x3_2b", "branch3x3dbl_1",
            "branch3x3dbl_2", "branch3x3dbl_3a", "branch3x3dbl_3b", "branch_pool");

    private PublishedNames() {
    }

    /** Whether the zoo's network {@code name} has published names (torchvision's or timm's). */
    static boolean known(String name) {
        return names(name) != Card.WeightNames.NONE;
    }

    /** Whose names the zoo's card gives the network {@code name}. */
    private static Card.WeightNames names(String name) {
        return Zoo.find(name).map(m -> m.card().weights()).orElse(Card.WeightNames.NONE);
    }

    /** The names for {@code a}'s network: googlenet-3x3 or inception-v3(-torchvision) from the zoo. */
    static List<Name> of(Analysis a) {
        Card.WeightNames names = names(a.network());
        if (names == Card.WeightNames.TIMM_INCEPTION_NEXT) {
            if (!a.aux().isEmpty()) {
                throw new WeightsException("timm's inception_next has no aux head");
            }
            return TimmNames.inceptionNext(ParameterSlots.of(a));
        }
        List<String> mainConvs = new ArrayList<>();
        List<String> mainDense;
        List<List<String>> auxConvs = new ArrayList<>();
        List<List<String>> auxDense = new ArrayList<>();
        switch (names) {
            case TORCHVISION_GOOGLENET -> {
                mainConvs.addAll(List.of("conv1", "conv2", "conv3"));
                for (String b : GOOGLENET_BLOCKS) {
                    for (String branch : List.of("branch1", "branch2.0", "branch2.1", "branch3.0", "branch3.1", "branch4.1")) {
                        mainConvs.add("inception" + b + "." + branch);
                    }
                }
                mainDense = List.of("fc");
                for (int i = 1; i <= a.aux().size(); i++) {
                    auxConvs.add(List.of("aux" + i + ".conv"));
                    auxDense.add(List.of("aux" + i + ".fc1", "aux" + i + ".fc2"));
                }
            }
            case TORCHVISION_INCEPTION_V3 -> {
                mainConvs.addAll(List.of("Conv2d_1a_3x3", "Conv2d_2a_3x3", "Conv2d_2b_3x3", "Conv2d_3b_1x1", "Conv2d_4a_3x3"));
                block(mainConvs, List.of("Mixed_5b", "Mixed_5c", "Mixed_5d"), V3_A);
                block(mainConvs, List.of("Mixed_6a"), V3_B);
                block(mainConvs, List.of("Mixed_6b", "Mixed_6c", "Mixed_6d", "Mixed_6e"), V3_C);
                block(mainConvs, List.of("Mixed_7a"), V3_D);
                block(mainConvs, List.of("Mixed_7b", "Mixed_7c"), V3_E);
                mainDense = List.of("fc");
                for (int i = 0; i < a.aux().size(); i++) {
                    auxConvs.add(List.of("AuxLogits.conv0", "AuxLogits.conv1"));
                    auxDense.add(List.of("AuxLogits.fc"));
                }
            }
            case TIMM_INCEPTION_V4, TIMM_INCEPTION_RESNET_V2 -> {
                if (!a.aux().isEmpty()) {
                    throw new WeightsException("timm's " + a.network().replace('-', '_') + " has no aux head; build " + a.network() + " without one");
                }
                boolean v4 = names == Card.WeightNames.TIMM_INCEPTION_V4;
                mainConvs.addAll(v4 ? TimmNames.inceptionV4Convs() : TimmNames.inceptionResNetV2Convs());
                mainDense = List.of(v4 ? "last_linear" : "classif");
            }
            default -> throw new WeightsException("published names are known for googlenet-3x3 and inception-v3 (torchvision's) and "
                    + "inception-v4, inception-resnet-v2 and inception-next-* (timm's), not for " + a.network()
                    + "; a file of incept's own names (a trainer's weights) loads into any network");
        }
        List<Name> out = new ArrayList<>();
        List<ParameterSlots.Slot> slots = ParameterSlots.of(a);
        name(slots.stream().filter(s -> s.auxHead() == null).toList(), mainConvs, mainDense, out, a.network());
        for (int i = 0; i < a.aux().size(); i++) {
            ResolvedAux aux = a.aux().get(i);
            name(slots.stream().filter(s -> aux.name().equals(s.auxHead())).toList(), auxConvs.get(i), auxDense.get(i), out,
                    a.network() + " aux head " + aux.name());
        }
        return out;
    }

    private static void block(List<String> into, List<String> blocks, List<String> branches) {
        for (String b : blocks) {
            for (String branch : branches) {
                into.add(b + "." + branch);
            }
        }
    }

    /** torchvision's name for each slot: the i-th convolution is the i-th BasicConv2d module, the last dense layer the classifier. */
    private static void name(List<ParameterSlots.Slot> slots, List<String> convs, List<String> dense, List<Name> out, String what) {
        List<ResolvedLayer> convLayers = slots.stream().filter(s -> s.role() == dev.incept.spec.ParameterRole.CONV_WEIGHT).map(ParameterSlots.Slot::layer).toList();
        List<ResolvedLayer> denseLayers = slots.stream().filter(s -> s.role() == dev.incept.spec.ParameterRole.DENSE_WEIGHT).map(ParameterSlots.Slot::layer).toList();
        if (convLayers.size() != convs.size() || denseLayers.size() != dense.size()) {
            throw new WeightsException(what + " has " + convLayers.size() + " convolutions and " + denseLayers.size()
                    + " dense layers where torchvision's has " + convs.size() + " and " + dense.size());
        }
        for (ParameterSlots.Slot s : slots) {
            boolean isConv = s.layer().layer() instanceof dev.incept.spec.Conv;
            String m = isConv ? convs.get(convLayers.indexOf(s.layer())) : dense.get(denseLayers.indexOf(s.layer()));
            boolean classifier = !isConv && denseLayers.indexOf(s.layer()) == dense.size() - 1;
            String key = switch (s.role()) {
                // a convolution without batch norm (a residual projection) is a bare Conv2d module
                case CONV_WEIGHT -> m + (plain(s) ? ".weight" : ".conv.weight");
                case CONV_BIAS -> m + (plain(s) ? ".bias" : ".conv.bias");
                case BN_SCALE -> m + ".bn.weight";
                case BN_SHIFT -> m + ".bn.bias";
                case BN_MEAN -> m + ".bn.running_mean";
                case BN_VARIANCE -> m + ".bn.running_var";
                case DENSE_WEIGHT -> m + ".weight";
                case DENSE_BIAS -> m + ".bias";
                // layer and group norms, layer scales, separable convolutions, gates
                default -> throw new WeightsException(what + " has " + s.layer().label().words() + " at " + s.layer().path()
                        + ", which torchvision's Inception networks do not");
            };
            out.add(new Name(key, s.layer().path(), classifier));
        }
    }

    private static boolean plain(ParameterSlots.Slot s) {
        return !((dev.incept.spec.Conv) s.layer().layer()).batchNorm();
    }

    /** Whether a torchvision tensor name belongs to an aux head (googlenet's aux1/aux2, inception_v3's AuxLogits). */
    static boolean auxHead(String key) {
        return key.startsWith("aux1.") || key.startsWith("aux2.") || key.startsWith("AuxLogits.");
    }
}
