package dev.incept.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A batch norm and the ReLU after it as one MXNet operator ({@code _contrib_BatchNormWithReLU},
 * oneDNN's batch normalisation with the ReLU applied in the same pass, forward and backward).
 * The separate ReLU reads and writes every activation once more in each direction and keeps one
 * more activation alive for the backward pass. In Inception-v3 (batch 8, 299x299) it was 4% of
 * oneDNN's time; fused, oneDNN's batch norm itself grows by about as much, so the gain is smaller:
 * +1.4% images/s in interleaved pairs, and peak memory 3.04 GB in the day's first report, 2.92 GB
 * in the next (bench/cpu-2026-11-24-onednn.md). Same maths, same parameters: the batch norm block
 * keeps them, this only reads them, and it updates the running statistics as the batch norm would.
 * Other engines, and inputs that are not 4-D, go through the two blocks as written.
 */
final class BatchNormRelu {
    private final BatchNorm batchNorm;
    private final float epsilon;
    private final float momentum;

    /** {@code epsilon} and {@code momentum}: the ones {@code batchNorm} was built with. */
    BatchNormRelu(BatchNorm batchNorm, float epsilon, float momentum) {
        this.batchNorm = batchNorm;
        this.epsilon = epsilon;
        this.momentum = momentum;
    }

    BatchNorm batchNorm() {
        return batchNorm;
    }

    static boolean runsOn(NDArray x) {
        return x.getShape().dimension() == 4 && "MXNet".equals(x.getManager().getEngine().getEngineName());
    }

    /** relu(batchNorm(x)); as the batch norm does, the mode (batch or running statistics) follows MXNet's autograd. */
    NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        NDList inputs = new NDList(x, value(ps, "gamma", x, training), value(ps, "beta", x, training),
                value(ps, "runningMean", x, training), value(ps, "runningVar", x, training));
        PairList<String, Object> params = new PairList<>();
        params.add("eps", epsilon);
        params.add("momentum", momentum);
        params.add("fix_gamma", false);
        params.add("axis", 1);
        // DJL registers MXNet's contrib operators without their "_contrib_" prefix.
        return x.getManager().invoke("BatchNormWithReLU", inputs, params).head();
    }

    private NDArray value(ParameterStore ps, String name, NDArray x, boolean training) {
        Parameter p = batchNorm.getParameters().get(name);
        return ps.getValue(p, x.getDevice(), training);
    }
}
