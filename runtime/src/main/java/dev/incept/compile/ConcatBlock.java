package dev.incept.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/** Branches over one input, concatenated on the channel axis (axis 1, after the batch). */
final class ConcatBlock extends AbstractBlock {
    ConcatBlock(List<String> names, List<Block> branches) {
        for (int i = 0; i < branches.size(); i++) {
            addChildBlock(names.get(i), branches.get(i));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList outs = new NDList(children.size());
        for (Block branch : children.values()) {
            outs.add(branch.forward(ps, inputs, training, params).singletonOrThrow());
        }
        NDArray joined = outs.size() == 1 ? outs.get(0) : NDArrays.concat(outs, 1);
        return new NDList(joined);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block branch : children.values()) {
            branch.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        List<Shape> outs = new ArrayList<>();
        for (Block branch : children.values()) {
            outs.add(branch.getOutputShapes(inputShapes)[0]);
        }
        long[] dims = outs.get(0).getShape();
        long channels = 0;
        for (Shape s : outs) {
            channels += s.get(1);
        }
        dims[1] = channels;
        return new Shape[] {new Shape(dims)};
    }
}
