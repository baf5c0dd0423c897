package dev.incept.spec;

import java.util.List;

/**
 * Local response normalisation across channels, as the GoogLeNet and AlexNet papers use it:
 * {@code b_c = a_c / (k + alpha / size * sum of a_j^2 over the size channels centred on c)^beta}
 * (Caffe's, PyTorch's LocalResponseNorm and ONNX's LRN all read alpha this way).
 */
public record Lrn(String name, int size, double alpha, double beta, double k) implements Layer {

    public static final LayerType<Lrn> TYPE = LayerType.of("lrn", Lrn.class, List.of("size", "alpha", "beta", "k"),
            (in, name) -> new Lrn(name, in.requiredInt("size"), in.optDouble("alpha", 1e-4), in.optDouble("beta", 0.75), in.optDouble("k", 1)),
            (l, out) -> {
                out.put("size", l.size());
                out.put("alpha", l.alpha());
                out.put("beta", l.beta());
                out.put("k", l.k());
            });

    public Lrn {
        name = Naming.orEmpty(name);
    }

    public Lrn named(String name) {
        return new Lrn(name, size, alpha, beta, k);
    }

    @Override
    public <C, R> R accept(LayerVisitor<C, R> visitor, C at) {
        return visitor.lrn(at, this);
    }

    @Override
    public String defaultName() {
        return "lrn";
    }

    @Override
    public LayerLabel label(Placed at) {
        return LayerLabel.of("lrn " + size, "local response norm over " + size + " channels");
    }
}
