package dev.incept.compile;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/** Children applied in order, each registered under its DSL path segment so parameter names read as paths. */
final class SequenceBlock extends AbstractBlock {
    SequenceBlock(List<String> names, List<Block> blocks) {
        for (int i = 0; i < blocks.size(); i++) {
            addChildBlock(names.get(i), blocks.get(i));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return forwardFrom(0, ps, inputs, training, params);
    }

    private NDList forwardFrom(int start, ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        List<Block> blocks = children.values();
        NDList x = inputs;
        for (int i = start; i < blocks.size(); i++) {
            x = blocks.get(i).forward(ps, x, training, params);
        }
        return x;
    }

    /** The convolution this sequence starts with, looking into nested sequences; null if it starts otherwise. */
    Conv2d leadingConv() {
        Block first = children.values().get(0);
        if (first instanceof Conv2d conv) {
            return conv;
        }
        return first instanceof SequenceBlock seq ? seq.leadingConv() : null;
    }

    /** The rest of the sequence, given what its {@link #leadingConv()} produced. */
    NDList forwardAfterLeadingConv(ParameterStore ps, NDList convOutput, boolean training, PairList<String, Object> params) {
        NDList x = children.values().get(0) instanceof SequenceBlock seq
                ? seq.forwardAfterLeadingConv(ps, convOutput, training, params) : convOutput;
        return forwardFrom(1, ps, x, training, params);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = inputShapes;
        for (Block child : children.values()) {
            child.initialize(manager, dataType, shapes);
            shapes = child.getOutputShapes(shapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = inputShapes;
        for (Block child : children.values()) {
            shapes = child.getOutputShapes(shapes);
        }
        return shapes;
    }
}
