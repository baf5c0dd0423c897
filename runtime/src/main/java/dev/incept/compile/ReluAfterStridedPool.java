package dev.incept.compile;

import dev.incept.analysis.Analysis;
import dev.incept.analysis.ResolvedAux;
import dev.incept.analysis.ResolvedLayer;
import dev.incept.spec.ActivationKind;
import dev.incept.spec.Concat;
import dev.incept.spec.Conv;
import dev.incept.spec.Sequence;
import dev.incept.spec.Pool;
import dev.incept.spec.PoolKind;
import java.util.List;
import java.util.Set;

/**
 * A rewrite: a ReLU that ends a layer followed by a strided max pool runs after the pool instead.
 * relu(max(x)) = max(relu(x)) and the gradients reach the same element, but the ReLU then touches
 * a quarter of the values or fewer (bench/DECISIONS.md#relu-after-pool). Only inside a sequence: a
 * top-level stage's output stays what the description says, for aux heads and
 * {@link NetworkBlock#stageOutputs}. ReluAfterMaxPoolTest holds it to the same outputs and gradients.
 */
final class ReluAfterStridedPool {
    private ReluAfterStridedPool() {
    }

    /** Adds the convolutions that leave out their ReLU to {@code dropped}, the pools that apply it to {@code applied}. */
    static void decide(Analysis analysis, Set<String> dropped, Set<String> applied) {
        // the top-level list is not a sequence the rewrite may look across; what is inside each stage is
        analysis.layers().forEach(stage -> within(stage, dropped, applied));
        for (ResolvedAux head : analysis.aux()) {
            sequence(head.layers(), dropped, applied);
            head.layers().forEach(l -> within(l, dropped, applied));
        }
    }

    private static void within(ResolvedLayer l, Set<String> dropped, Set<String> applied) {
        if (l.layer() instanceof Sequence) {
            sequence(l.children(), dropped, applied);
        }
        l.children().forEach(c -> within(c, dropped, applied));
    }

    private static void sequence(List<ResolvedLayer> layers, Set<String> dropped, Set<String> applied) {
        for (int i = 0; i + 1 < layers.size(); i++) {
            if (endsInRelu(layers.get(i)) && stridedMaxPool(layers.get(i + 1))) {
                drop(layers.get(i), dropped);
                applied.add(layers.get(i + 1).path());
            }
        }
    }

    /** Whether a layer's last operation, on every path through it, is a ReLU that may move. */
    private static boolean endsInRelu(ResolvedLayer l) {
        if (l.layer() instanceof Conv c) {
            return c.activation() == ActivationKind.RELU;
        }
        if (l.layer() instanceof Sequence) {
            return endsInRelu(l.children().get(l.children().size() - 1));
        }
        return l.layer() instanceof Concat && l.children().stream().allMatch(ReluAfterStridedPool::endsInRelu);
    }

    private static void drop(ResolvedLayer l, Set<String> dropped) {
        if (l.layer() instanceof Conv) {
            dropped.add(l.path());
        } else if (l.layer() instanceof Sequence) {
            drop(l.children().get(l.children().size() - 1), dropped);
        } else if (l.layer() instanceof Concat) {
            l.children().forEach(c -> drop(c, dropped));
        } else {
            throw new IllegalStateException(l.path() + " does not end in a ReLU");
        }
    }

    private static boolean stridedMaxPool(ResolvedLayer l) {
        return l.layer() instanceof Pool p && p.kind() == PoolKind.MAX && p.strideH() * p.strideW() > 1;
    }
}
