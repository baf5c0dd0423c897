package dev.incept.analysis;

import dev.incept.spec.Activation;
import dev.incept.spec.ActivationKind;
import dev.incept.spec.BatchNorm;
import dev.incept.spec.Flatten;
import dev.incept.spec.LayerNorm;
import dev.incept.spec.LayerScale;
import dev.incept.spec.SqueezeExcite;
import dev.incept.spec.Lrn;
import dev.incept.spec.AdaptiveAvgPool;
import dev.incept.spec.Concat;
import dev.incept.spec.Conv;
import dev.incept.spec.Dense;
import dev.incept.spec.DepthwiseConv;
import dev.incept.spec.Dropout;
import dev.incept.spec.GlobalPool;
import dev.incept.spec.Pool;
import dev.incept.spec.PoolKind;
import dev.incept.spec.Repeat;
import dev.incept.spec.Residual;
import dev.incept.spec.SeparableConv;
import dev.incept.spec.Sequence;
import dev.incept.spec.ChannelSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words for a resolved layer, in one place for every kind: the summary's column ("conv 3x3/2
 * bn"), the diagram's box ("conv 3x3 /2 · 32") and a teacher's noun phrase ("3x3/2 conv 3->32",
 * "1x1 192->16, then 5x5 16->32").
 */
public final class LayerLabels {
    /** The three wordings of one layer. */
    public record Label(String summary, String box, String words) {
    }

    private LayerLabels() {
    }

    public static Label of(ResolvedLayer at) {
        return at.accept(WORDS);
    }

    private static final ResolvedVisitor<Label> WORDS = new ResolvedVisitor<>() {
        public Label conv(ResolvedLayer at, Conv c) {
            String linear = (c.groups() == 1 ? "" : " g" + c.groups()) + after(c.activation());
            String box = "conv " + c.kernelH() + "x" + c.kernelW() + (c.strideH() == 1 && c.strideW() == 1 ? "" : " /" + c.strideH())
                    + " · " + c.filters() + linear;
            return new Label("conv " + window(c.kernelH(), c.kernelW(), c.strideH(), c.strideW(), c.padding())
                    + (c.batchNorm() ? " bn" : "") + linear, box, convWords(at, c, true));
        }

        public Label pool(ResolvedLayer at, Pool p) {
            String summary = p.kind().jsonName() + "pool " + window(p.kernelH(), p.kernelW(), p.strideH(), p.strideW(), p.padding())
                    + (p.ceilMode() ? " ceil" : "");
            String box = p.kind().jsonName() + "pool " + p.kernelH() + "x" + p.kernelW() + (p.strideH() == 1 ? "" : " /" + p.strideH());
            String words = p.kernelH() + "x" + p.kernelW() + (p.strideH() == 1 && p.strideW() == 1 ? "" : "/" + p.strideH())
                    + (p.kind() == PoolKind.MAX ? " max pool" : " average pool");
            return new Label(summary, box, words);
        }

        public Label globalPool(ResolvedLayer at, GlobalPool g) {
            String text = "global " + g.kind().jsonName() + "pool";
            return new Label(text, text, "global pool");
        }

        public Label adaptiveAvgPool(ResolvedLayer at, AdaptiveAvgPool a) {
            String grid = a.height() + "x" + a.width();
            return new Label("adaptive avgpool to " + grid, "adaptive avgpool " + grid, "adaptive pool to " + grid);
        }

        public Label dropout(ResolvedLayer at, Dropout d) {
            return new Label("dropout " + d.rate(), "dropout " + d.rate(), "dropout");
        }

        public Label dense(ResolvedLayer at, Dense d) {
            String features = at.input().elements() + "->" + d.units();
            String act = d.activation() == ActivationKind.LINEAR ? "" : " " + d.activation().jsonName();
            return new Label("dense " + features + act, "dense · " + d.units() + act, "dense " + features);
        }

        public Label sequence(ResolvedLayer at, Sequence s) {
            List<String> parts = new ArrayList<>();
            for (ResolvedLayer child : at.children()) {
                // A run of convolutions without the word "conv", as a paper's table writes them.
                parts.add(child.layer() instanceof Conv c ? convWords(child, c, false) : of(child).words());
            }
            return new Label("sequence", s.name().isEmpty() ? "sequence" : s.name(), String.join(", then ", parts));
        }

        public Label concat(ResolvedLayer at, Concat c) {
            return new Label("concat " + c.branches().size() + " branches", c.name().isEmpty() ? "concat" : c.name() + ": concat",
                    "concatenation of " + at.children().size() + " branches (" + at.output().channels() + " channels)");
        }

        public Label residual(ResolvedLayer at, Residual r) {
            boolean linear = r.activation() == ActivationKind.LINEAR;
            String box = String.format(Locale.ROOT, "%s+ x%s%s%s%s", r.name().isEmpty() ? "" : r.name() + ": ",
                    r.scale(), r.project() ? " (1x1 projection)" : "", r.shortcut() == null ? "" : " (shortcut)",
                    linear ? "" : ", " + r.activation().jsonName());
            return new Label("residual x" + r.scale() + (r.shortcut() == null ? "" : " shortcut") + after(r.activation())
                    + (r.dropPath() > 0 ? " droppath " + r.dropPath() : ""), box,
                    "residual block around " + of(at.children().get(0)).words());
        }

        public Label repeat(ResolvedLayer at, Repeat r) {
            return new Label("repeat x" + r.times(), (r.name().isEmpty() ? "repeat" : r.name()) + " x " + r.times(),
                    at.children().size() + " x " + of(at.children().get(0)).words());
        }

        public Label batchNorm(ResolvedLayer at, BatchNorm b) {
            return new Label("batchnorm", "batchnorm", "batch norm over " + at.output().channels() + " channels");
        }

        public Label activation(ResolvedLayer at, Activation a) {
            String text = a.kind() == ActivationKind.LINEAR ? "identity" : a.kind().jsonName();
            return new Label(text, text, a.kind() == ActivationKind.LINEAR ? "identity" : text + " activation");
        }

        public Label flatten(ResolvedLayer at, Flatten f) {
            return new Label("flatten", "flatten · " + at.output().channels(), "flatten " + at.input() + " to " + at.output().channels());
        }

        public Label depthwiseConv(ResolvedLayer at, DepthwiseConv c) {
            String box = "dwconv " + c.kernelH() + "x" + c.kernelW() + (c.strideH() == 1 && c.strideW() == 1 ? "" : " /" + c.strideH())
                    + " · " + at.output().channels();
            return new Label("dwconv " + window(c.kernelH(), c.kernelW(), c.strideH(), c.strideW(), c.padding())
                    + (c.batchNorm() ? " bn" : "") + after(c.activation(), ActivationKind.LINEAR), box,
                    c.kernelH() + "x" + c.kernelW() + " depthwise conv " + at.input().channels() + "->" + at.output().channels());
        }

        public Label separableConv(ResolvedLayer at, SeparableConv c) {
            String box = "sepconv " + c.kernelH() + "x" + c.kernelW() + (c.strideH() == 1 && c.strideW() == 1 ? "" : " /" + c.strideH())
                    + " · " + c.filters();
            return new Label("sepconv " + window(c.kernelH(), c.kernelW(), c.strideH(), c.strideW(), c.padding())
                    + (c.batchNorm() ? " bn" : "") + after(c.activation(), ActivationKind.LINEAR), box,
                    c.kernelH() + "x" + c.kernelW() + " separable conv " + at.input().channels() + "->" + at.output().channels());
        }

        public Label split(ResolvedLayer at, ChannelSplit s) {
            return new Label("split " + s.sizes(), s.name().isEmpty() ? "split" : s.name() + ": split",
                    "channel split " + s.sizes() + " into " + at.children().size() + " branches (" + at.output().channels() + " channels)");
        }

        public Label layerNorm(ResolvedLayer at, LayerNorm n) {
            return new Label("layernorm", "layernorm", "layer norm over " + at.output().channels() + " channels");
        }

        public Label layerScale(ResolvedLayer at, LayerScale s) {
            return new Label("layerscale " + s.init(), "layerscale", "layer scale over " + at.output().channels() + " channels");
        }

        public Label squeezeExcite(ResolvedLayer at, SqueezeExcite s) {
            int c = at.output().channels();
            String act = s.activation() == ActivationKind.RELU ? "" : " " + s.activation().jsonName();
            return new Label("se /" + s.reduction() + act, "se " + c + ">" + s.hidden(c) + ">" + c,
                    "squeeze-and-excitation gate squeezing " + c + " channels to " + s.hidden(c));
        }

        public Label lrn(ResolvedLayer at, Lrn l) {
            String text = "lrn " + l.size();
            return new Label(text, text, "local response norm over " + l.size() + " channels");
        }
    };

    /** What the summary adds after a convolution or residual: nothing for the usual ReLU, else the activation's name. */
    private static String after(ActivationKind a) {
        return after(a, ActivationKind.RELU);
    }

    private static String after(ActivationKind a, ActivationKind usual) {
        return a == usual ? "" : " " + a.jsonName();
    }

    private static String convWords(ResolvedLayer at, Conv c, boolean sayConv) {
        String stride = c.strideH() == 1 && c.strideW() == 1 ? "" : c.strideH() == c.strideW() ? "/" + c.strideH() : "/" + c.strideH() + "x" + c.strideW();
        return c.kernelH() + "x" + c.kernelW() + stride + (sayConv ? " conv " : " ") + at.input().channels() + "->" + at.output().channels();
    }

    /** "3x3/2", "1x7 pad 0x3", "3x3 valid". */
    static String window(int kh, int kw, int sh, int sw, dev.incept.spec.Padding padding) {
        String s = sh == sw ? (sh == 1 ? "" : "/" + sh) : "/" + sh + "x" + sw;
        String pad = padding instanceof dev.incept.spec.Padding.Valid ? " valid"
                : padding instanceof dev.incept.spec.Padding.Explicit e ? " pad " + e.height() + "x" + e.width() : "";
        return kh + "x" + kw + s + pad;
    }
}
