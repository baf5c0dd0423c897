package dev.incept.diff;

import dev.incept.analysis.LayerKind;
import dev.incept.analysis.ResolvedLayer;
import dev.incept.spec.Conv;
import dev.incept.spec.Pool;
import dev.incept.spec.PoolKind;
import java.util.ArrayList;
import java.util.List;

/** A resolved layer in the words a teacher would use: "5x5 conv 192->32", "1x1 192->16, then 5x5 16->32". */
final class LayerWords {
    private LayerWords() {
    }

    /** The layer alone, as a noun phrase without an article. */
    static String of(ResolvedLayer l) {
        return switch (l.kind()) {
            case CONV -> conv(l, true);
            case POOL -> pool((Pool) l.layer());
            case GLOBAL_POOL -> "global pool";
            case ADAPTIVE_POOL -> "adaptive pool to " + l.output().height() + "x" + l.output().width();
            case DROPOUT -> "dropout";
            case DENSE -> "dense " + l.input().elements() + "->" + l.output().channels();
            case SEQUENCE -> sequence(l);
            case CONCAT -> "concatenation of " + l.children().size() + " branches (" + l.output().channels() + " channels)";
            case RESIDUAL -> "residual block around " + of(l.children().get(0));
            case REPEAT -> l.children().size() + " x " + of(l.children().get(0));
        };
    }

    /** With "a" or "an" in front. */
    static String withArticle(String phrase) {
        boolean vowelSound = "aeiou8".indexOf(Character.toLowerCase(phrase.charAt(0))) >= 0
                || phrase.startsWith("11x") || phrase.startsWith("18x");
        return (vowelSound ? "an " : "a ") + phrase;
    }

    private static String conv(ResolvedLayer l, boolean sayConv) {
        Conv c = (Conv) l.layer();
        String stride = c.strideH() == 1 && c.strideW() == 1 ? "" : c.strideH() == c.strideW() ? "/" + c.strideH() : "/" + c.strideH() + "x" + c.strideW();
        return c.kernelH() + "x" + c.kernelW() + stride + (sayConv ? " conv " : " ") + l.input().channels() + "->" + l.output().channels();
    }

    private static String pool(Pool p) {
        String stride = p.strideH() == 1 && p.strideW() == 1 ? "" : "/" + p.strideH();
        return p.kernelH() + "x" + p.kernelW() + stride + (p.kind() == PoolKind.MAX ? " max pool" : " average pool");
    }

    /** A run of layers, convolutions without the word "conv" as a paper's table writes them. */
    private static String sequence(ResolvedLayer l) {
        List<String> parts = new ArrayList<>();
        for (ResolvedLayer child : l.children()) {
            parts.add(child.kind() == LayerKind.CONV ? conv(child, false) : of(child));
        }
        return String.join(", then ", parts);
    }
}
