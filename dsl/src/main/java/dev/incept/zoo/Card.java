package dev.incept.zoo;

import dev.incept.analysis.Convention;
import java.util.List;

/**
 * What a zoo model is, as a model card says it: the input, channels and classes it is built for
 * by default, the smallest input it still analyses at (without aux heads), the path of its
 * classifier, the names it is published under, whose tensor names its weights load by, and the
 * parameter counts its publishers give, with their source. Tests hold every number here to the
 * analysis.
 *
 * @param published the names the network goes by where it was published ("torchvision.models.inception_v3")
 * @param weights   whose tensor names a published weights file uses for it
 */
public record Card(int input, int channels, int classes, int minimumInput, String classifier, List<String> published,
                   WeightNames weights, List<Reference> references) {
    public Card {
        published = List.copyOf(published);
        references = List.copyOf(references);
    }

    /** ImageNet's: RGB, 1000 classes. */
    static Card imagenet(int input, int minimumInput, String classifier) {
        return new Card(input, 3, 1000, minimumInput, classifier, List.of(), WeightNames.NONE, List.of());
    }

    /** For 28x28 grey images and 10 classes (Fashion-MNIST), as the minis are made for. */
    static Card fashionMnist(int minimumInput) {
        return new Card(28, 1, 10, minimumInput, "logits", List.of(), WeightNames.NONE, List.of());
    }

    Card publishedAs(String... names) {
        return new Card(input, channels, classes, minimumInput, classifier, List.of(names), weights, references);
    }

    Card weights(WeightNames names) {
        return new Card(input, channels, classes, minimumInput, classifier, published, names, references);
    }

    Card counts(Reference... counts) {
        return new Card(input, channels, classes, minimumInput, classifier, published, weights, List.of(counts));
    }

    /**
     * A published parameter count: {@code params} under {@code convention}'s way of counting batch
     * norm, with or without the aux heads, at the card's input and classes, as {@code source} gives it.
     */
    public record Reference(long params, Convention convention, boolean aux, String source) {
        static Reference torch(long params, String source) {
            return new Reference(params, Convention.PYTORCH, false, source);
        }

        static Reference torchWithAux(long params, String source) {
            return new Reference(params, Convention.PYTORCH, true, source);
        }

        static Reference keras(long params, String source) {
            return new Reference(params, Convention.KERAS, false, source);
        }
    }

    /** Whose names a published weights file gives this network's tensors. */
    public enum WeightNames {
        NONE, TORCHVISION_GOOGLENET, TORCHVISION_INCEPTION_V3, TIMM_INCEPTION_V4, TIMM_INCEPTION_RESNET_V2, TIMM_INCEPTION_NEXT
    }
}
