package dev.incept.diff;

import dev.incept.analysis.Analysis;
import dev.incept.analysis.ResolvedAux;
import dev.incept.analysis.ResolvedLayer;
import dev.incept.spec.Conv;
import dev.incept.spec.Naming;
import dev.incept.spec.Pool;
import dev.incept.spec.Sequence;
import dev.incept.spec.PoolKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Two networks compared block by block over their resolved trees, matched by path: the blocks
 * that differ (in shape, parameters, multiply-adds or make-up), and where they first part, in words.
 * Names are not compared, only what the layers are: a student's unnamed convolution equals the
 * reference's named one.
 *
 * @param differences every block that differs, parents before children, aux heads last
 * @param origin the first place the two part, if they do
 */
public record ArchitectureDiff(Analysis first, Analysis second, List<BlockDelta> differences, Optional<Origin> origin) {

    public ArchitectureDiff {
        differences = List.copyOf(differences);
    }

    public static ArchitectureDiff of(Analysis first, Analysis second) {
        List<BlockDelta> out = new ArrayList<>();
        compareLists(first.layers(), second.layers(), out);
        compareLists(auxLayers(first), auxLayers(second), out);
        Optional<Origin> origin = firstOrigin(first.layers(), second.layers());
        if (origin.isEmpty()) {
            origin = firstOrigin(auxLayers(first), auxLayers(second));
        }
        return new ArchitectureDiff(first, second, out, origin);
    }

    public boolean same() {
        return differences.isEmpty() && first.output().equals(second.output());
    }

    /** Each aux head as one sequence at its path, so that heads compare like blocks. */
    private static List<ResolvedLayer> auxLayers(Analysis a) {
        List<ResolvedLayer> heads = new ArrayList<>();
        for (ResolvedAux h : a.aux()) {
            List<ResolvedLayer> layers = h.layers();
            ResolvedLayer firstLayer = layers.get(0);
            ResolvedLayer last = layers.get(layers.size() - 1);
            long params = layers.stream().mapToLong(ResolvedLayer::params).sum();
            long trainable = layers.stream().mapToLong(ResolvedLayer::trainableParams).sum();
            long macs = layers.stream().mapToLong(ResolvedLayer::macs).sum();
            Sequence head = new Sequence(h.name(), layers.stream().map(ResolvedLayer::layer).toList());
            heads.add(new ResolvedLayer(Naming.auxPath(h.name()), h.name(), head, 0, firstLayer.input(),
                    last.output(), params, trainable, macs, last.field(), layers));
        }
        return heads;
    }

    /** Two layers at corresponding places; either is null where the other has no counterpart. */
    private record Pair(ResolvedLayer first, ResolvedLayer second) {
    }

    /**
     * Children correspond by position when both sides have as many (a renamed branch is still the
     * same branch), else by path segment; what has no counterpart comes after, first side first.
     */
    private static List<Pair> pair(List<ResolvedLayer> a, List<ResolvedLayer> b) {
        List<Pair> out = new ArrayList<>();
        if (a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                out.add(new Pair(a.get(i), b.get(i)));
            }
            return out;
        }
        Map<String, ResolvedLayer> second = new LinkedHashMap<>();
        b.forEach(l -> second.put(l.segment(), l));
        List<ResolvedLayer> unmatched = new ArrayList<>(b);
        for (ResolvedLayer x : a) {
            ResolvedLayer y = second.get(x.segment());
            unmatched.remove(y);
            out.add(new Pair(x, y));
        }
        unmatched.forEach(y -> out.add(new Pair(null, y)));
        return out;
    }

    private static void compareLists(List<ResolvedLayer> a, List<ResolvedLayer> b, List<BlockDelta> out) {
        for (Pair p : pair(a, b)) {
            ResolvedLayer x = p.first();
            ResolvedLayer y = p.second();
            if (y == null) {
                out.add(new BlockDelta(x.path(), x.depth(), Change.ONLY_FIRST, x.output(), null, x.params(), 0, x.macs(), 0));
            } else if (x == null) {
                out.add(new BlockDelta(y.path(), y.depth(), Change.ONLY_SECOND, null, y.output(), 0, y.params(), 0, y.macs()));
            } else if (!same(x, y)) {
                out.add(new BlockDelta(x.path(), x.depth(), Change.DIFFERS, x.output(), y.output(), x.params(), y.params(), x.macs(), y.macs()));
                if (x.sameKind(y)) {
                    compareLists(x.children(), y.children(), out);
                }
            }
        }
    }

    /** Same make-up and sizes, names aside. */
    static boolean same(ResolvedLayer x, ResolvedLayer y) {
        if (!x.sameKind(y) || !x.output().equals(y.output()) || x.params() != y.params() || x.macs() != y.macs()
                || x.children().size() != y.children().size()) {
            return false;
        }
        if (x.children().isEmpty()) {
            return sameLeaf(x, y);
        }
        for (int i = 0; i < x.children().size(); i++) {
            if (!same(x.children().get(i), y.children().get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * What a layer computes, names and the spelling of its padding aside (the output shapes are
     * already equal): "same" padding and an explicit pad of 1 around a 3x3 are the same layer.
     */
    private static boolean sameLeaf(ResolvedLayer x, ResolvedLayer y) {
        if (x.layer() instanceof Conv a && y.layer() instanceof Conv b) {
            return a.filters() == b.filters() && a.kernelH() == b.kernelH() && a.kernelW() == b.kernelW() && a.strideH() == b.strideH()
                    && a.strideW() == b.strideW() && a.batchNorm() == b.batchNorm() && a.activation() == b.activation() && a.bias() == b.bias();
        }
        if (x.layer() instanceof Pool a && y.layer() instanceof Pool b) {
            return a.kind() == b.kind() && a.kernelH() == b.kernelH() && a.kernelW() == b.kernelW() && a.strideH() == b.strideH()
                    && a.strideW() == b.strideW() && (a.kind() == PoolKind.MAX || a.countIncludePad() == b.countIncludePad());
        }
        return x.layer().named("").equals(y.layer().named(""));
    }

    private static Optional<Origin> firstOrigin(List<ResolvedLayer> a, List<ResolvedLayer> b) {
        for (Pair p : pair(a, b)) {
            ResolvedLayer x = p.first();
            ResolvedLayer y = p.second();
            if (y == null) {
                return Optional.of(new Origin(x.path(), x, null, x.path() + ": " + LayerWords.withArticle(x)
                        + " that the reference does not have (" + counts(x) + ")"));
            }
            if (x == null) {
                return Optional.of(new Origin(y.path(), null, y, y.path() + ": missing; the reference has "
                        + LayerWords.withArticle(y) + " here (" + counts(y) + ")"));
            }
            if (!same(x, y)) {
                return Optional.of(originWithin(x, y));
            }
        }
        return Optional.empty();
    }

    /** Descends while both sides are the same kind of block with children, one of which differs. */
    private static Origin originWithin(ResolvedLayer x, ResolvedLayer y) {
        if (x.sameKind(y) && !x.children().isEmpty() && x.children().size() == y.children().size()) {
            Optional<Origin> inner = firstOrigin(x.children(), y.children());
            if (inner.isPresent()) {
                return inner.get();
            }
        }
        return new Origin(x.path(), x, y, explain(x, y));
    }

    private static String explain(ResolvedLayer x, ResolvedLayer y) {
        String mine = x.label().words();
        String theirs = y.label().words();
        String missing = missingBottleneck(x, y) ? " without the 1x1 bottleneck" : "";
        String grid = x.input().flat() ? "" : " at " + x.input().height() + "x" + x.input().width();
        return x.path() + ": " + LayerWords.withArticle(mine) + missing + ": " + counts(x) + grid
                + ", where the reference has " + String.format(Locale.ROOT, "%,d and %s", y.params(), millions(y.macs()))
                + " (" + theirs + ")" + (x.output().equals(y.output()) ? "" : "; output " + x.output() + " where the reference has " + y.output());
    }

    /** The reference opens with a narrowing 1x1 convolution and then does what this one does alone. */
    private static boolean missingBottleneck(ResolvedLayer x, ResolvedLayer y) {
        if (!(y.layer() instanceof Sequence) || y.children().size() < 2 || !(x.layer() instanceof Conv mine)) {
            return false;
        }
        ResolvedLayer lead = y.children().get(0);
        ResolvedLayer last = y.children().get(y.children().size() - 1);
        boolean narrowing = lead.layer() instanceof Conv l && lead.output().channels() < lead.input().channels()
                && l.kernelH() == 1 && l.kernelW() == 1;
        return narrowing && last.layer() instanceof Conv theirs && mine.kernelH() == theirs.kernelH() && mine.kernelW() == theirs.kernelW()
                && x.output().channels() == last.output().channels();
    }

    private static String counts(ResolvedLayer l) {
        return String.format(Locale.ROOT, "%,d parameters and %s multiply-adds", l.params(), millions(l.macs()));
    }

    static String millions(long macs) {
        return String.format(Locale.ROOT, "%.1f M", macs / 1e6);
    }
}
