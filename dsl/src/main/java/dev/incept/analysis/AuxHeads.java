package dev.incept.analysis;

import dev.incept.spec.AuxHead;
import dev.incept.spec.FeatureShape;
import dev.incept.spec.Naming;
import dev.incept.spec.SpecException;
import java.util.ArrayList;
import java.util.List;

/**
 * The aux heads of a network resolved against its top-level blocks: each head's name and path,
 * the block it taps, its layers, and the checks that it can be compiled and trained.
 */
final class AuxHeads {
    private AuxHeads() {
    }

    /** {@code resolver} walks the heads' layers and counts their cost apart from the main network's. */
    static List<ResolvedAux> resolve(List<AuxHead> heads, List<ResolvedLayer> blocks, FeatureShape mainOutput, Analyzer resolver) {
        List<String> names = names(heads);
        List<ResolvedAux> out = new ArrayList<>();
        for (int i = 0; i < heads.size(); i++) {
            AuxHead head = heads.get(i);
            String path = Naming.auxPath(names.get(i));
            if (!Double.isFinite(head.lossWeight()) || head.lossWeight() < 0) {
                throw new SpecException(path, "loss weight must be finite and >= 0, got " + head.lossWeight());
            }
            int stage = -1;
            for (int k = 0; k < blocks.size(); k++) {
                if (blocks.get(k).segment().equals(head.after())) {
                    stage = k;
                }
            }
            if (stage < 0) {
                // Only a top-level block's output is a tap the compiled network can hand out.
                throw new SpecException(path, "follows unknown block '" + head.after() + "'; an aux head follows one of the "
                        + "top-level blocks " + blocks.stream().map(ResolvedLayer::segment).toList());
            }
            ResolvedLayer at = blocks.get(stage);
            List<ResolvedLayer> layers = resolver.head(path, head.layers(), at.output(), at.field());
            FeatureShape end = layers.get(layers.size() - 1).output();
            if (!end.equals(mainOutput)) {
                throw new SpecException(path, "ends in " + end + " but the main head ends in " + mainOutput
                        + "; an aux head is trained on the same labels, so it needs the same outputs");
            }
            out.add(new ResolvedAux(names.get(i), stage, head.lossWeight(), layers));
        }
        return out;
    }

    private static List<String> names(List<AuxHead> heads) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < heads.size(); i++) {
            String n = heads.get(i).name().isEmpty() ? Naming.defaultAuxName(i) : heads.get(i).name();
            Naming.checkName(Naming.AUX_ROOT, n);
            if (names.contains(n)) {
                throw new SpecException(Naming.auxPath(n), "two aux heads are both named '" + n + "'");
            }
            names.add(n);
        }
        return names;
    }
}
