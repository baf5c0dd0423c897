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
import java.util.ArrayList;
import java.util.List;

/** Branches over one input, concatenated on the channel axis (axis 1, after the batch). */
final class ConcatBlock extends AbstractBlock {
    private final SiblingConvs siblings;

    /** {@code siblings}: the branches whose opening 1x1 convolutions run as one (null: none). */
    ConcatBlock(List<String> names, List<Block> branches, SiblingConvs siblings) {
        for (int i = 0; i < branches.size(); i++) {
            addChildBlock(names.get(i), branches.get(i));
        }
        this.siblings = siblings;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        List<Block> branches = children.values();
        NDArray[] outs = new NDArray[branches.size()];
        if (siblings != null) {
            NDList opened = siblings.forward(ps, inputs.singletonOrThrow(), training);
            for (int k = 0; k < opened.size(); k++) {
                int b = siblings.branches().get(k);
                SequenceBlock rest = (SequenceBlock) branches.get(b);
                outs[b] = rest.forwardAfterLeadingConv(ps, new NDList(opened.get(k)), training, params).singletonOrThrow();
            }
        }
        for (int b = 0; b < outs.length; b++) {
            if (outs[b] == null) {
                outs[b] = branches.get(b).forward(ps, inputs, training, params).singletonOrThrow();
            }
        }
        return new NDList(ChannelConcat.join(new NDList(outs)));
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
