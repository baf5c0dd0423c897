package dev.incept.compile;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.incept.engine.EngineChoice;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Batch norm over the channels (axis 1) of an N x C x H x W batch: DJL's {@code BatchNorm} with
 * the same parameters, names, initial values and saved bytes (version 2: input shapes, then the
 * channel count), so checkpoints move between the two either way.
 *
 * <p>Why not DJL's own block: on PyTorch it transposes the batch to put the channel axis first and
 * back again around every call, unless the axis is given as -1, which its shape inference reads
 * as the last axis. Those two transposes a layer, with their autograd nodes and a sub-manager,
 * were 188 of the 3,900 libtorch calls of an Inception-v3 step on the GPU (bench/DECISIONS.md#batch-norm-axis).
 * Here PyTorch gets the -1 it needs and MXNet the axis it reads.
 */
final class ChannelBatchNorm extends ShapeKeepingBlock {
    private static final byte VERSION = 2;

    private final float epsilon;
    private final float momentum;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;

    ChannelBatchNorm(float epsilon, float momentum) {
        super(VERSION);
        this.epsilon = epsilon;
        this.momentum = momentum;
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).build());
        runningMean = addParameter(Parameter.builder().setName("runningMean").setType(Parameter.Type.RUNNING_MEAN)
                .optRequiresGrad(false).build());
        runningVar = addParameter(Parameter.builder().setName("runningVar").setType(Parameter.Type.RUNNING_VAR)
                .optRequiresGrad(false).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Device device = x.getDevice();
        int axis = EngineChoice.of(x.getManager()) == EngineChoice.PYTORCH ? -1 : 1;
        return x.getNDArrayInternal().batchNorm(x, ps.getValue(runningMean, device, training), ps.getValue(runningVar, device, training),
                ps.getValue(gamma, device, training), ps.getValue(beta, device, training), axis, momentum, epsilon, training);
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        for (Parameter p : new Parameter[] {gamma, beta, runningMean, runningVar}) {
            p.setShape(new Shape(channels));
        }
    }

    @Override
    protected void saveMetadata(DataOutputStream os) throws IOException {
        saveInputShapes(os);
        os.writeLong(channels);
    }

    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion != VERSION) {
            throw new MalformedModelException("unsupported batch norm version " + loadVersion);
        }
        readInputShapes(is);
        channels = is.readLong();
    }
}
