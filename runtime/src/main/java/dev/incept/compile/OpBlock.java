package dev.incept.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.function.UnaryOperator;

/**
 * A parameter-free operation with a known output shape. DJL's LambdaBlock learns its output shape
 * by running the function on zeros from the default engine's manager, which would load a second
 * engine when training on the other one; here the shape comes from arithmetic.
 */
final class OpBlock extends AbstractBlock {
    private final String label;
    private final UnaryOperator<NDArray> op;
    private final UnaryOperator<Shape> shape;

    OpBlock(String label, UnaryOperator<NDArray> op, UnaryOperator<Shape> shape) {
        this.label = label;
        this.op = op;
        this.shape = shape;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(op.apply(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {shape.apply(inputShapes[0])};
    }

    @Override
    public String toString() {
        return label;
    }
}
