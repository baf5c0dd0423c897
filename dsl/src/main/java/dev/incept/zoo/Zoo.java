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

    /** One zoo entry: its name, a one-line description, its card and how to build it. */
    public record Model(String name, String description, Card card, Function<ModelConfig, Network> builder) {
        public Network build(ModelConfig cfg) {
            return builder.apply(cfg);
        }

        /** What the card says the model is built for: its input, channels and classes, no aux head. */
        public ModelConfig defaults() {
            return new ModelConfig(card.classes(), card.channels(), card.input(), false, true);
        }

        /** Its native input size. */
        public int defaultInput() {
            return card.input();
        }
    }

    private static final String TV = "torchvision";
    private static final String KERAS = "Keras applications";
    private static final String TIMM = "timm";

    private static final List<Model> MODELS = List.of(
            new Model("googlenet", "GoogLeNet / Inception-v1 with BN, the paper's 5x5 branch; aux heads after 4a and 4d",
                    Card.imagenet(224, 31, "logits"), c -> GoogLeNet.build(c, GoogLeNet.Variant.PAPER)),
            new Model("googlenet-3x3", "GoogLeNet as torchvision/TF-slim build it: 3x3 in the '5x5' branch",
                    Card.imagenet(224, 15, "logits").publishedAs("torchvision.models.googlenet").weights(Card.WeightNames.TORCHVISION_GOOGLENET)
                            .counts(Card.Reference.torch(6_624_904, TV), Card.Reference.torchWithAux(13_004_888, TV)),
                    c -> GoogLeNet.build(c, GoogLeNet.Variant.TORCHVISION)),
            new Model("googlenet-paper", "GoogLeNet as the 2014 paper has it: LRN, biases, no batch norm, 5x5 branch; aux heads FC 1024, dropout 0.7",
                    Card.imagenet(224, 31, "logits").publishedAs("Caffe bvlc_googlenet")
                            .counts(Card.Reference.torch(6_998_552, "Caffe's bvlc_googlenet deploy.prototxt")),
                    GoogLeNetPaper::build),
            new Model("inception-v2", "Inception-v2 as in table 1 of the v3 paper (5x5 -> two 3x3, 7x7 -> 1x7+7x1)",
                    Card.imagenet(299, 75, "logits"), InceptionV2::build),
            new Model("inception-v3", "Inception-v3 (Keras mixed0..10 / torchvision); optional BN-auxiliary head",
                    Card.imagenet(299, 75, "logits").publishedAs("torchvision.models.inception_v3", "keras.applications.InceptionV3")
                            .weights(Card.WeightNames.TORCHVISION_INCEPTION_V3)
                            .counts(Card.Reference.torch(23_834_568, TV), Card.Reference.torchWithAux(27_161_264, TV),
                                    Card.Reference.keras(23_851_784, KERAS)),
                    InceptionV3::build),
            new Model("inception-v3-torchvision", "inception-v3 with torchvision's average pools (padding counted): its weights give its outputs",
                    Card.imagenet(299, 75, "logits").publishedAs("torchvision.models.inception_v3").weights(Card.WeightNames.TORCHVISION_INCEPTION_V3)
                            .counts(Card.Reference.torch(23_834_568, TV), Card.Reference.torchWithAux(27_161_264, TV)),
                    c -> InceptionV3.build(c, true)),
            new Model("inception-v4", "Inception-v4: stem, 4xA, Reduction-A, 7xB, Reduction-B, 3xC",
                    Card.imagenet(299, 75, "logits").publishedAs("timm inception_v4").weights(Card.WeightNames.TIMM_INCEPTION_V4)
                            .counts(Card.Reference.torch(42_679_816, TIMM)),
                    InceptionV4::build),
            new Model("inception-resnet-v1", "Inception-ResNet-v1: 5 x block35, 10 x block17, 5 x block8, scaled residuals",
                    Card.imagenet(299, 75, "logits"), InceptionResNetV1::build),
            new Model("inception-resnet-v2", "Inception-ResNet-v2: 10 x block35, 20 x block17, 10 x block8, scaled residuals",
                    Card.imagenet(299, 75, "logits").publishedAs("timm inception_resnet_v2", "keras.applications.InceptionResNetV2")
                            .weights(Card.WeightNames.TIMM_INCEPTION_RESNET_V2)
                            .counts(Card.Reference.torch(55_843_464, TIMM), Card.Reference.keras(55_873_736, KERAS)),
                    InceptionResNetV2::build),
            new Model("xception", "Xception as Keras builds it: separable 3x3 convolutions in residual blocks that add without a ReLU",
                    Card.imagenet(299, 7, "logits").publishedAs("keras.applications.Xception", "timm legacy_xception")
                            .counts(Card.Reference.keras(22_910_480, KERAS), Card.Reference.torch(22_855_952, "timm legacy_xception")),
                    Xception::build),
            new Model("inception-next-tiny", "InceptionNeXt-T as timm builds it: depthwise 3x3, 1x11 and 11x1 on channel slices in a MetaNeXt",
                    Card.imagenet(224, 32, "head/fc2").publishedAs("timm inception_next_tiny").weights(Card.WeightNames.TIMM_INCEPTION_NEXT)
                            .counts(Card.Reference.torch(28_055_680, TIMM)),
                    c -> InceptionNext.build(c, InceptionNext.Size.TINY)),
            new Model("inception-next-small", "InceptionNeXt-S as timm builds it (stages 3, 3, 27, 3)",
                    Card.imagenet(224, 32, "head/fc2").publishedAs("timm inception_next_small").weights(Card.WeightNames.TIMM_INCEPTION_NEXT)
                            .counts(Card.Reference.torch(49_374_016, TIMM)),
                    c -> InceptionNext.build(c, InceptionNext.Size.SMALL)),
            new Model("inception-next-base", "InceptionNeXt-B as timm builds it (stages 3, 3, 27, 3, widths 128 to 1024)",
                    Card.imagenet(224, 32, "head/fc2").publishedAs("timm inception_next_base").weights(Card.WeightNames.TIMM_INCEPTION_NEXT)
                            .counts(Card.Reference.torch(86_672_136, TIMM)),
                    c -> InceptionNext.build(c, InceptionNext.Size.BASE)),
            new Model("xception-mini", "Xception's flows for 28x28-32x32 inputs: two reductions to 7x7, two middle blocks of 192",
                    Card.fashionMnist(1), Xception::mini),
            new Model("inception-next-mini", "InceptionNeXt's blocks for 28x28-32x32 inputs: stages of 64 and 128 channels at 14x14 and 7x7",
                    new Card(28, 1, 10, 4, "head/fc2", List.of(), Card.WeightNames.NONE, List.of()), InceptionNext::mini),
            new Model("googlenet-d2l", "GoogLeNet as d2l / DJL's basic model zoo build it: no batch norm, no aux heads (d2l trains it at 96x96)",
                    new Card(96, 1, 10, 1, "logits", List.of("d2l GoogLeNet (DJL basic model zoo)"), Card.WeightNames.NONE, List.of()),
                    GoogLeNetD2l::build),
            new Model("inception-mini", "A small Inception-v3 for 28x28-32x32 inputs (Fashion-MNIST, CIFAR): A, B, C blocks at 1/8 width",
                    Card.fashionMnist(1), InceptionMini::build),
            new Model("inception-mini-2x", "inception-mini with every filter bank twice as wide (3.4 M parameters): more capacity, same depth",
                    Card.fashionMnist(1), c -> InceptionMini.build(c, "inception-mini-2x", 2)));

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
