package dev.incept.compile;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;

/**
 * A block whose output has its input's shape and whose parameters are sized by the input's
 * channels (axis 1): batch norm, layer norm, layer scale, the squeeze-and-excitation gate.
 */
abstract class ShapeKeepingBlock extends AbstractBlock {
    /** The input's channels, known once the block is initialised. */
    protected long channels;

    ShapeKeepingBlock() {
    }

    ShapeKeepingBlock(byte version) {
        super(version);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        super.beforeInitialize(inputShapes);
        channels = inputShapes[0].get(1);
    }
}
