package dev.incept.zoo;

import dev.incept.spec.Network;
import dev.incept.spec.SpecException;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The models incept ships, by name. */
public final class Zoo {
    private Zoo() {
    }

    /** One zoo entry: its name, a one-line description, its native input size and how to build it. */
    public record Model(String name, String description, int defaultInput, Function<ModelConfig, Network> builder) {
        public Network build(ModelConfig cfg) {
            return builder.apply(cfg);
        }

        /** ImageNet defaults: 1000 classes, RGB, the model's native input size, no aux head. */
        public ModelConfig defaults() {
            return ModelConfig.imagenet(defaultInput);
        }
    }

    private static final List<Model> MODELS = List.of(
            new Model("googlenet", "GoogLeNet / Inception-v1 with BN, the paper's 5x5 branch; aux heads after 4a and 4d",
                    224, c -> GoogLeNet.build(c, GoogLeNet.Variant.PAPER)),
            new Model("googlenet-3x3", "GoogLeNet as torchvision/TF-slim build it: 3x3 in the '5x5' branch",
                    224, c -> GoogLeNet.build(c, GoogLeNet.Variant.TORCHVISION)),
            new Model("googlenet-paper", "GoogLeNet as the 2014 paper has it: LRN, biases, no batch norm, 5x5 branch; aux heads FC 1024, dropout 0.7",
                    224, GoogLeNetPaper::build),
            new Model("inception-v2", "Inception-v2 as in table 1 of the v3 paper (5x5 -> two 3x3, 7x7 -> 1x7+7x1)",
                    299, InceptionV2::build),
            new Model("inception-v3", "Inception-v3 (Keras mixed0..10 / torchvision); optional BN-auxiliary head",
                    299, InceptionV3::build),
            new Model("inception-v3-torchvision", "inception-v3 with torchvision's average pools (padding counted): its weights give its outputs",
                    299, c -> InceptionV3.build(c, true)),
            new Model("inception-v4", "Inception-v4: stem, 4xA, Reduction-A, 7xB, Reduction-B, 3xC",
                    299, InceptionV4::build),
            new Model("inception-resnet-v1", "Inception-ResNet-v1: 5 x block35, 10 x block17, 5 x block8, scaled residuals",
                    299, InceptionResNetV1::build),
            new Model("inception-resnet-v2", "Inception-ResNet-v2: 10 x block35, 20 x block17, 10 x block8, scaled residuals",
                    299, InceptionResNetV2::build),
            new Model("xception", "Xception as Keras builds it: separable 3x3 convolutions in residual blocks that add without a ReLU",
                    299, Xception::build),
            new Model("inception-next-tiny", "InceptionNeXt-T as timm builds it: depthwise 3x3, 1x11 and 11x1 on channel slices in a MetaNeXt",
                    224, c -> InceptionNext.build(c, InceptionNext.Size.TINY)),
            new Model("inception-next-small", "InceptionNeXt-S as timm builds it (stages 3, 3, 27, 3)",
                    224, c -> InceptionNext.build(c, InceptionNext.Size.SMALL)),
            new Model("inception-next-base", "InceptionNeXt-B as timm builds it (stages 3, 3, 27, 3, widths 128 to 1024)",
                    224, c -> InceptionNext.build(c, InceptionNext.Size.BASE)),
            new Model("xception-mini", "Xception's flows for 28x28-32x32 inputs: two reductions to 7x7, two middle blocks of 192",
                    28, Xception::mini),
            new Model("inception-next-mini", "InceptionNeXt's blocks for 28x28-32x32 inputs: stages of 64 and 128 channels at 14x14 and 7x7",
                    28, InceptionNext::mini),
            new Model("googlenet-d2l", "GoogLeNet as d2l / DJL's basic model zoo build it: no batch norm, no aux heads (d2l trains it at 96x96)",
                    96, GoogLeNetD2l::build),
            new Model("inception-mini", "A small Inception-v3 for 28x28-32x32 inputs (Fashion-MNIST, CIFAR): A, B, C blocks at 1/8 width",
                    28, InceptionMini::build),
            new Model("inception-mini-2x", "inception-mini with every filter bank twice as wide (3.4 M parameters): more capacity, same depth",
                    28, c -> InceptionMini.build(c, "inception-mini-2x", 2)));

    public static List<Model> models() {
        return MODELS;
    }

    public static Optional<Model> find(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return MODELS.stream().filter(m -> m.name().equals(key)).findFirst();
    }

    public static Model get(String name) {
        return find(name).orElseThrow(() -> new SpecException("", "unknown model '" + name + "'; the zoo has "
                + MODELS.stream().map(Model::name).toList()));
    }
}
