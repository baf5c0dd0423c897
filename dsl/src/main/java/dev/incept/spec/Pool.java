package dev.incept.spec;

/**
 * Max or average pooling over a window. {@code countIncludePad} decides whether an average divides
 * by the padded window (torchvision) or only by the real pixels (TensorFlow, Keras, timm);
 * {@code ceilMode} rounds the output size up, as torchvision's GoogLeNet does.
 */
public record Pool(String name, PoolKind kind, int kernelH, int kernelW, int strideH, int strideW,
                   Padding padding, boolean countIncludePad, boolean ceilMode) implements Layer {

    public Pool {
        name = Naming.orEmpty(name);
        kind = kind == null ? PoolKind.MAX : kind;
        padding = padding == null ? Padding.VALID : padding;
    }

    public static Pool of(PoolKind kind, int size, int stride) {
        return new Pool("", kind, size, size, stride, stride, Padding.VALID, false, false);
    }

    public Pool named(String name) {
        return new Pool(name, kind, kernelH, kernelW, strideH, strideW, padding, countIncludePad, ceilMode);
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.pool(this);
    }

    public Pool padding(Padding p) {
        return new Pool(name, kind, kernelH, kernelW, strideH, strideW, p, countIncludePad, ceilMode);
    }

    public Pool same() {
        return padding(Padding.SAME);
    }

    public Pool valid() {
        return padding(Padding.VALID);
    }

    public Pool pad(int ph, int pw) {
        return padding(Padding.explicit(ph, pw));
    }

    public Pool countIncludePad(boolean on) {
        return new Pool(name, kind, kernelH, kernelW, strideH, strideW, padding, on, ceilMode);
    }

    public Pool ceilMode(boolean on) {
        return new Pool(name, kind, kernelH, kernelW, strideH, strideW, padding, countIncludePad, on);
    }
}
