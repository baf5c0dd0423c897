package dev.incept.compile;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A block whose parameters are one value per channel (axis 1 of an N x C x H x W or N x C batch):
 * layer norm over the channels and group norm over groups of them (a scale and a shift each), and
 * layer scale (a scale from its initial value).
 */
final class ChannelParameters extends ShapeKeepingBlock {
    private final double epsilon;
    /** Group norm's groups; 0 for the other two. */
    private final int groups;
    private final List<Parameter> parameters = new ArrayList<>();

    private ChannelParameters(double epsilon) {
        this(epsilon, 0);
    }

    private ChannelParameters(double epsilon, int groups) {
        this.epsilon = epsilon;
        this.groups = groups;
    }

    /** (x - mean) / sqrt(var + epsilon) * gamma + beta, the statistics over each position's channels. */
    static ChannelParameters layerNorm(double epsilon) {
        ChannelParameters b = new ChannelParameters(epsilon);
        b.parameters.add(b.addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).build()));
        b.parameters.add(b.addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).build()));
        return b;
    }

    /**
     * Each example's group of channels normalised over its channels and grid together, then gamma
     * and beta per channel: the example reshaped to groups x the rest, as PyTorch computes it.
     */
    static ChannelParameters groupNorm(int groups, double epsilon) {
        ChannelParameters b = new ChannelParameters(epsilon, groups);
        b.parameters.add(b.addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).build()));
        b.parameters.add(b.addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).build()));
        return b;
    }

    /** x * gamma, gamma starting at {@code init}. */
    static ChannelParameters layerScale(double init) {
        ChannelParameters b = new ChannelParameters(Double.NaN);
        b.parameters.add(b.addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
                .optInitializer(new ConstantInitializer((float) init)).build()));
        return b;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Device device = x.getDevice();
        long[] perChannel = new long[x.getShape().dimension()];
        java.util.Arrays.fill(perChannel, 1);
        perChannel[1] = channels;
        Shape shape = new Shape(perChannel);
        NDArray gamma = ps.getValue(parameters.get(0), device, training).reshape(shape);
        if (parameters.size() == 1) {
            return new NDList(x.mul(gamma));
        }
        NDArray beta = ps.getValue(parameters.get(1), device, training).reshape(shape);
        NDArray grouped = groups > 0 ? x.reshape(x.getShape().get(0), groups, -1) : x;
        int[] axis = {groups > 0 ? 2 : 1};
        NDArray centred = grouped.sub(grouped.mean(axis, true));
        NDArray variance = centred.square().mean(axis, true);
        NDArray normalised = centred.div(variance.add((float) epsilon).sqrt());
        return new NDList((groups > 0 ? normalised.reshape(x.getShape()) : normalised).mul(gamma).add(beta));
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        for (Parameter p : parameters) {
            p.setShape(new Shape(channels));
        }
    }
}
