package dev.incept.compile;

import dev.incept.analysis.Analysis;
import dev.incept.analysis.ResolvedLayer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How the compiler runs each layer of the resolved tree, decided once, before any block is built,
 * by the rewrites ({@link ReluAfterStridedPool}, {@link SiblingFusion}); the compiler only reads
 * it. None of them changes the parameters or the maths. (Channels-last order on PyTorch is not a
 * choice: {@link ChannelsLast}.)
 *
 * @param reluDropped the convolutions that leave out their ReLU, by path
 * @param reluApplied the max pools that apply the ReLU their predecessor left out
 * @param fused the concatenations whose sibling 1x1 convolutions run as one
 */
record Lowering(Set<String> reluDropped, Set<String> reluApplied, Map<String, SiblingFusion.Group> fused) {
    public Lowering {
        reluDropped = Set.copyOf(reluDropped);
        reluApplied = Set.copyOf(reluApplied);
        fused = Map.copyOf(fused);
    }

    static Lowering of(Analysis analysis, CompileOptions options) {
        Set<String> dropped = new HashSet<>();
        Set<String> applied = new HashSet<>();
        ReluAfterStridedPool.decide(analysis, dropped, applied);
        Map<String, SiblingFusion.Group> fused = new HashMap<>();
        if (options.fuseSiblings()) {
            SiblingFusion.decide(analysis, fused);
        }
        return new Lowering(dropped, applied, fused);
    }

    boolean dropsRelu(ResolvedLayer l) {
        return reluDropped.contains(l.path());
    }

    boolean appliesRelu(ResolvedLayer l) {
        return reluApplied.contains(l.path());
    }
}
