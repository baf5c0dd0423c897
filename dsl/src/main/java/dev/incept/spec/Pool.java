package dev.incept.spec;

import java.util.List;

/**
 * Max or average pooling over a window. {@code countIncludePad} decides whether an average divides
 * by the padded window (torchvision) or only by the real pixels (TensorFlow, Keras, timm);
 * {@code ceilMode} rounds the output size up, as torchvision's GoogLeNet does.
 */
public record Pool(String name, PoolKind kind, int kernelH, int kernelW, int strideH, int strideW,
                   Padding padding, boolean countIncludePad, boolean ceilMode) implements Layer {

    public static final LayerType<Pool> TYPE = LayerType.of("pool", Pool.class,
            List.of("kind", "kernel", "stride", "padding", "countIncludePad", "ceilMode"), (in, name) -> {
                int[] k = in.pair("kernel");
                int[] s = in.optPair("stride", k);
                return new Pool(name, in.enumValue("kind", PoolKind.class), k[0], k[1], s[0], s[1], in.padding(Padding.VALID),
                        in.optBool("countIncludePad", false), in.optBool("ceilMode", false));
            }, (p, out) -> {
                out.put("kind", p.kind().jsonName());
                out.pair("kernel", p.kernelH(), p.kernelW());
                out.pair("stride", p.strideH(), p.strideW());
                out.padding(p.padding());
                out.put("countIncludePad", p.countIncludePad());
                out.put("ceilMode", p.ceilMode());
            });


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
    public <C, R> R accept(LayerVisitor<C, R> visitor, C at) {
        return visitor.pool(at, this);
    }

    @Override
    public String defaultName() {
        return kind == PoolKind.MAX ? "maxpool" : "avgpool";
    }

    @Override
    public LayerLabel label(Placed at) {
        String summary = kind.jsonName() + "pool " + Words.window(kernelH, kernelW, strideH, strideW, padding) + (ceilMode ? " ceil" : "");
        String box = kind.jsonName() + "pool " + kernelH + "x" + kernelW + (strideH == 1 ? "" : " /" + strideH);
        String words = kernelH + "x" + kernelW + (strideH == 1 && strideW == 1 ? "" : "/" + strideH)
                + (kind == PoolKind.MAX ? " max pool" : " average pool");
        return new LayerLabel(summary, box, words);
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
