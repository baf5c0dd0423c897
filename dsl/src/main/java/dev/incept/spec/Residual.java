package dev.incept.spec;

import java.util.List;

/**
 * out = activation(shortcut(x) + scale * project(body(x))). The shortcut is the identity, or a
 * layer of its own (Xception's strided 1x1 convolution and batch norm, when the body changes the
 * grid or the width). With {@code project} the body's output passes through a 1x1 linear
 * convolution with bias (no batch norm) to the shortcut's width, as in Inception-ResNet; without
 * it the body must already match. Xception and InceptionNeXt add without an activation
 * ({@link ActivationKind#LINEAR}). With {@code dropPath} above 0, training drops the whole branch for
 * that share of the examples and scales it up for the rest (stochastic depth); inference keeps it.
 */
public record Residual(String name, Layer body, boolean project, double scale, ActivationKind activation, Layer shortcut,
                       double dropPath) implements Layer {

    public static final LayerType<Residual> TYPE = LayerType.of("residual", Residual.class,
            List.of("scale", "project", "activation", "body", "shortcut", "dropPath"),
            (in, name) -> new Residual(name, in.layer("body"), in.optBool("project", true), in.optDouble("scale", 1.0),
                    in.activation(ActivationKind.RELU), in.has("shortcut") ? in.layer("shortcut") : null, in.optDouble("dropPath", 0)),
            (r, out) -> {
                out.put("scale", r.scale());
                out.put("project", r.project());
                out.activation(r.activation());
                out.layer("body", r.body());
                if (r.shortcut() != null) {
                    out.layer("shortcut", r.shortcut());
                }
                if (r.dropPath() != 0) {
                    out.put("dropPath", r.dropPath());
                }
            });

    public Residual {
        name = Naming.orEmpty(name);
        if (body == null) {
            throw new SpecException(name, "residual body must not be null");
        }
        activation = activation == null ? ActivationKind.RELU : activation;
    }

    /** With the identity shortcut. */
    public Residual(String name, Layer body, boolean project, double scale, ActivationKind activation) {
        this(name, body, project, scale, activation, null, 0);
    }

    public Residual(String name, Layer body, boolean project, double scale, ActivationKind activation, Layer shortcut) {
        this(name, body, project, scale, activation, shortcut, 0);
    }

    public Residual named(String name) {
        return new Residual(name, body, project, scale, activation, shortcut, dropPath);
    }

    @Override
    public <C, R> R accept(LayerVisitor<C, R> visitor, C at) {
        return visitor.residual(at, this);
    }

    @Override
    public List<Layer> children() {
        return shortcut == null ? List.of(body) : List.of(body, shortcut);
    }

    @Override
    public String defaultName() {
        return "residual";
    }

    @Override
    public LayerLabel label(Placed at) {
        boolean linear = activation == ActivationKind.LINEAR;
        String box = String.format(java.util.Locale.ROOT, "%s+ x%s%s%s%s", name.isEmpty() ? "" : name + ": ",
                scale, project ? " (1x1 projection)" : "", shortcut == null ? "" : " (shortcut)", linear ? "" : ", " + activation.jsonName());
        Placed first = at.children().get(0);
        return new LayerLabel("residual x" + scale + (shortcut == null ? "" : " shortcut") + Words.after(activation, ActivationKind.RELU)
                + (dropPath > 0 ? " droppath " + dropPath : ""), box, "residual block around " + first.layer().label(first).words());
    }

    public Residual scale(double s) {
        return new Residual(name, body, project, s, activation, shortcut, dropPath);
    }

    public Residual activation(ActivationKind a) {
        return new Residual(name, body, project, scale, a, shortcut, dropPath);
    }

    /** No activation after the sum, as in Inception-ResNet-v2's last block. */
    public Residual linear() {
        return activation(ActivationKind.LINEAR);
    }

    /** Stochastic depth: training drops the branch for a share {@code rate} of the examples. */
    public Residual dropPath(double rate) {
        return new Residual(name, body, project, scale, activation, shortcut, rate);
    }

    /** The input reaches the sum through {@code s} instead of unchanged. */
    public Residual shortcut(Layer s) {
        return new Residual(name, body, project, scale, activation, s, dropPath);
    }
}
