package dev.incept.compile;

import dev.incept.analysis.Analysis;
import dev.incept.analysis.ResolvedLayer;
import dev.incept.analysis.Windows;
import dev.incept.spec.Concat;
import dev.incept.spec.Conv;
import dev.incept.spec.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rewrite, on request ({@link CompileOptions#fuseSiblings()}): the branches of a concatenation
 * that open with a 1x1, stride-1, unpadded convolution run those as one convolution
 * ({@link SiblingConvs}). SiblingConvsTest holds it to the same outputs and gradients.
 */
final class SiblingFusion {
    /** The branches, by index, whose opening convolutions run as one, and whether those have a bias. */
    record Group(List<Integer> branches, boolean bias) {
        Group {
            branches = List.copyOf(branches);
        }
    }

    private SiblingFusion() {
    }

    /** Puts a group under the path of every concatenation anywhere in the network that has one. */
    static void decide(Analysis analysis, Map<String, Group> fused) {
        analysis.layers().forEach(l -> visit(l, fused));
        analysis.aux().forEach(h -> h.layers().forEach(l -> visit(l, fused)));
    }

    private static void visit(ResolvedLayer l, Map<String, Group> fused) {
        if (l.layer() instanceof Concat) {
            Group g = group(l.children());
            if (g != null) {
                fused.put(l.path(), g);
            }
        }
        l.children().forEach(c -> visit(c, fused));
    }

    /** The branches opening with a pointwise convolution, if two or more agree on the bias. */
    private static Group group(List<ResolvedLayer> branches) {
        for (boolean bias : new boolean[] {false, true}) {
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < branches.size(); i++) {
                Conv lead = pointwiseLead(branches.get(i));
                if (lead != null && lead.bias() == bias) {
                    at.add(i);
                }
            }
            if (at.size() >= 2) {
                return new Group(at, bias);
            }
        }
        return null;
    }

    /** The 1x1, stride-1, unpadded convolution a branch starts with, or null. */
    static Conv pointwiseLead(ResolvedLayer l) {
        if (l.layer() instanceof Sequence) {
            return pointwiseLead(l.children().get(0));
        }
        if (l.layer() instanceof Conv c && c.groups() == 1 && c.kernelH() == 1 && c.kernelW() == 1
                && c.strideH() == 1 && c.strideW() == 1) {
            int[] pad = Windows.padding(c.padding(), 1, 1);
            return pad[0] == 0 && pad[1] == 0 ? c : null;
        }
        return null;
    }
}
