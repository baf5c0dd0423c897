package dev.incept.compile;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * x * sigmoid(expand(act(reduce(mean of x over its grid)))) per channel. The two weights are held
 * as PyTorch's 1x1 convolutions (out x in x 1 x 1), the layout timm's and torchvision's gates save,
 * and applied as dense layers on the pooled N x C vector.
 */
final class SqueezeExciteBlock extends ShapeKeepingBlock {
    private final int hidden;
    private final UnaryOperator<NDArray> activation;
    private final List<Parameter> parameters;

    SqueezeExciteBlock(int hidden, UnaryOperator<NDArray> activation) {
        this.hidden = hidden;
        this.activation = activation;
        this.parameters = List.of(
                addParameter(Parameter.builder().setName("reduceWeight").setType(Parameter.Type.WEIGHT).build()),
                addParameter(Parameter.builder().setName("reduceBias").setType(Parameter.Type.BIAS).build()),
                addParameter(Parameter.builder().setName("expandWeight").setType(Parameter.Type.WEIGHT).build()),
                addParameter(Parameter.builder().setName("expandBias").setType(Parameter.Type.BIAS).build()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Device device = x.getDevice();
        // PyTorch's engine averages over one axis at a time: the grid as one axis
        NDArray squeezed = x.reshape(x.getShape().get(0), channels, -1).mean(new int[] {2});
        NDArray z = Linear.linear(squeezed, value(ps, 0, device, training).reshape(hidden, channels),
                value(ps, 1, device, training)).singletonOrThrow();
        NDArray gate = Linear.linear(activation.apply(z), value(ps, 2, device, training).reshape(channels, hidden),
                value(ps, 3, device, training)).singletonOrThrow();
        return new NDList(x.mul(Activation.sigmoid(gate).reshape(x.getShape().get(0), channels, 1, 1)));
    }

    private NDArray value(ParameterStore ps, int i, Device device, boolean training) {
        return ps.getValue(parameters.get(i), device, training);
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        parameters.get(0).setShape(new Shape(hidden, channels, 1, 1));
        parameters.get(1).setShape(new Shape(hidden));
        parameters.get(2).setShape(new Shape(channels, hidden, 1, 1));
        parameters.get(3).setShape(new Shape(channels));
    }
}
