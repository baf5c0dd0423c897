package dev.incept.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.incept.spec.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole compiled network. In training the output is the main logits followed by one output per
 * auxiliary head, in the description's order; in inference it is the main logits alone, and the
 * aux heads are not computed at all.
 */
public final class NetworkBlock extends AbstractBlock {
    private final Network network;
    private final List<Block> stages = new ArrayList<>();
    private final List<String> stageNames;
    private final List<AuxTap> taps;
    private final boolean channelsLastOnGpu;

    /** An aux head reading the output of top-level stage {@code stage}. */
    record AuxTap(String name, int stage, double lossWeight, Block head) {
    }

    NetworkBlock(Network network, List<String> stageNames, List<Block> stageBlocks, List<AuxTap> taps, boolean channelsLastOnGpu) {
        this.channelsLastOnGpu = channelsLastOnGpu;
        this.network = network;
        this.stageNames = List.copyOf(stageNames);
        for (int i = 0; i < stageBlocks.size(); i++) {
            stages.add(addChildBlock(stageNames.get(i), stageBlocks.get(i)));
        }
        List<AuxTap> registered = new ArrayList<>();
        for (AuxTap t : taps) {
            registered.add(new AuxTap(t.name(), t.stage(), t.lossWeight(), addChildBlock("aux_" + t.name(), t.head())));
        }
        this.taps = List.copyOf(registered);
    }

    /** The description this block was compiled from. */
    public Network network() {
        return network;
    }

    /**
     * Stops training the top-level blocks from the first through {@code stage} (the fine-tuning of
     * a network started from published weights): their weights keep their values, the blocks after
     * them and the aux heads train. Batch norm in a frozen block still normalises with the batch's
     * statistics in training. Returns the frozen blocks' names.
     */
    public List<String> freezeUntil(String stage) {
        int last = stageNames.indexOf(stage);
        if (last < 0) {
            throw new IllegalArgumentException("freeze until '" + stage + "': " + network.name() + " has no top-level block of that name; its blocks are "
                    + String.join(", ", stageNames));
        }
        for (int i = 0; i <= last; i++) {
            stages.get(i).freezeParameters(true);
        }
        return stageNames.subList(0, last + 1);
    }

    public List<String> auxNames() {
        return taps.stream().map(AuxTap::name).toList();
    }

    /** Loss weight per aux output, in output order. */
    public List<Double> auxLossWeights() {
        return taps.stream().map(AuxTap::lossWeight).toList();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray[] aux = new NDArray[taps.size()];
        NDList x = layout(inputs);
        for (int i = 0; i < stages.size(); i++) {
            x = stages.get(i).forward(ps, x, training, params);
            if (training) {
                for (int t = 0; t < taps.size(); t++) {
                    if (taps.get(t).stage() == i) {
                        aux[t] = taps.get(t).head().forward(ps, x, true, params).singletonOrThrow();
                    }
                }
            }
        }
        NDList out = new NDList(x.singletonOrThrow());
        if (training) {
            for (NDArray a : aux) {
                out.add(a);
            }
        }
        return out;
    }

    /** Each top-level stage's output for {@code inputs}, in inference mode (for activation statistics). */
    public java.util.LinkedHashMap<String, NDArray> stageOutputs(ParameterStore ps, NDList inputs) {
        java.util.LinkedHashMap<String, NDArray> out = new java.util.LinkedHashMap<>();
        NDList x = layout(inputs);
        java.util.Iterator<String> names = children.keys().iterator();
        for (Block stage : stages) {
            x = stage.forward(ps, x, false);
            out.put(names.next().substring(2), x.singletonOrThrow());
        }
        return out;
    }

    private NDList layout(NDList inputs) {
        return inputs.size() == 1 ? new NDList(ChannelsLast.of(inputs.head(), channelsLastOnGpu)) : inputs;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = inputShapes;
        for (int i = 0; i < stages.size(); i++) {
            stages.get(i).initialize(manager, dataType, shapes);
            shapes = stages.get(i).getOutputShapes(shapes);
            for (AuxTap t : taps) {
                if (t.stage() == i) {
                    t.head().initialize(manager, dataType, shapes);
                }
            }
        }
    }

    /** The main logits' shape; aux outputs exist in training only and are not part of the signature. */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = inputShapes;
        for (Block stage : stages) {
            shapes = stage.getOutputShapes(shapes);
        }
        return shapes;
    }
}
