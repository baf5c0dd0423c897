package dev.incept.spec;

/**
 * Local response normalisation across channels, as the GoogLeNet and AlexNet papers use it:
 * {@code b_c = a_c / (k + alpha / size * sum of a_j^2 over the size channels centred on c)^beta}
 * (Caffe's, PyTorch's LocalResponseNorm and ONNX's LRN all read alpha this way).
 */
public record Lrn(String name, int size, double alpha, double beta, double k) implements Layer {
    public Lrn {
        name = Naming.orEmpty(name);
    }

    public Lrn named(String name) {
        return new Lrn(name, size, alpha, beta, k);
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.lrn(this);
    }
}
