package dev.incept.analysis;

import dev.incept.spec.FeatureShape;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of analysing a network for one input shape: the resolved tree ({@code layers}, and
 * {@code aux} for the auxiliary heads, always resolved) and what is read off it. Totals include the
 * auxiliary heads only when {@code includesAux}; {@code blocks} lists every block of the tree
 * depth-first, parents before children, aux heads last when included.
 */
public record Analysis(String network, FeatureShape input, Convention convention, boolean includesAux,
                       FeatureShape output, long params, long trainableParams, long macs,
                       List<BlockReport> blocks, Map<String, FeatureShape> auxOutputs,
                       List<ResolvedLayer> layers, List<ResolvedAux> aux) {

    public Analysis {
        blocks = List.copyOf(blocks);
        auxOutputs = Map.copyOf(auxOutputs);
        layers = List.copyOf(layers);
        aux = List.copyOf(aux);
    }

    public long nonTrainableParams() {
        return params - trainableParams;
    }

    public Optional<BlockReport> block(String path) {
        return blocks.stream().filter(b -> b.path().equals(path)).findFirst();
    }

    /** Blocks at one depth: 0 is the network's top-level blocks. */
    public List<BlockReport> blocksAtDepth(int depth) {
        return blocks.stream().filter(b -> b.depth() == depth).toList();
    }
}
