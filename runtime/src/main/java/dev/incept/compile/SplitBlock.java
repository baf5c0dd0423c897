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
import java.util.List;

/** Each branch on its own slice of the input's channels, in order; the outputs joined on channels. */
final class SplitBlock extends AbstractBlock {
    private final long[] cuts;
    private final List<Integer> sizes;

    SplitBlock(List<String> names, List<Block> branches, List<Integer> sizes) {
        for (int i = 0; i < branches.size(); i++) {
            addChildBlock(names.get(i), branches.get(i));
        }
        this.sizes = List.copyOf(sizes);
        cuts = new long[sizes.size() - 1];
        long at = 0;
        for (int i = 0; i < cuts.length; i++) {
            at += sizes.get(i);
            cuts[i] = at;
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList slices = cuts.length == 0 ? inputs : inputs.singletonOrThrow().split(cuts, 1);
        List<Block> branches = children.values();
        NDArray[] outs = new NDArray[branches.size()];
        for (int b = 0; b < outs.length; b++) {
            outs[b] = branches.get(b).forward(ps, new NDList(slices.get(b)), training, params).singletonOrThrow();
        }
        return new NDList(ChannelConcat.join(new NDList(outs)));
    }

    private Shape slice(Shape in, int b) {
        long[] dims = in.getShape().clone(); // DJL hands out its own array
        dims[1] = sizes.get(b);
        return new Shape(dims);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        List<Block> branches = children.values();
        for (int b = 0; b < branches.size(); b++) {
            branches.get(b).initialize(manager, dataType, slice(inputShapes[0], b));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        List<Block> branches = children.values();
        long[] dims = inputShapes[0].getShape().clone();
        long channels = 0;
        for (int b = 0; b < branches.size(); b++) {
            channels += branches.get(b).getOutputShapes(new Shape[] {slice(inputShapes[0], b)})[0].get(1);
        }
        dims[1] = channels;
        return new Shape[] {new Shape(dims)};
    }
}
