package dev.incept.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.incept.data.Augment;
import dev.incept.data.Batch;
import dev.incept.data.BatchMaker;
import dev.incept.data.Images;
import dev.incept.data.Normalization;
import dev.incept.spec.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import dev.incept.optim.Adam;
import dev.incept.optim.LearningRate;
import dev.incept.optim.OptimizerSpec;

/**
 * Whether a network can learn at all, the way one checks it before a long run: a few steps on one
 * fixed batch with a fixed seed (Adam at a learning rate high enough to fit a batch in tens of
 * steps, no smoothing), within a step and a time cap. It reports
 * every loss, whether all were finite, and which trained parameters (aux heads included, since aux
 * losses count) got no gradient on the first step.
 *
 * @param losses the objective before each update, in order
 * @param withoutGradient DJL names of trained parameters whose first gradient was all zeros
 */
public record OverfitProbe(List<Float> losses, boolean finite, int trained, List<String> withoutGradient, double seconds) {

    private static final float LEARNING_RATE = 0.01f;

    public OverfitProbe {
        losses = List.copyOf(losses);
        withoutGradient = List.copyOf(withoutGradient);
    }

    /** The last loss over the first (1 when fewer than two steps ran). */
    public double lossRatio() {
        return losses.size() < 2 ? 1 : losses.get(losses.size() - 1) / losses.get(0);
    }

    public static OverfitProbe run(Network network, Images data, int batchSize, int maxSteps, double maxSeconds, Engine engine) {
        TrainConfig cfg = TrainConfig.defaults().toBuilder().batchSize(batchSize).optimizer(OptimizerSpec.adam(0))
                .learningRate(LearningRate.constant(LEARNING_RATE)).seed(7).build();
        BatchMaker maker = new BatchMaker(data, network.input().height(), network.input().width(), Normalization.of(data), Augment.NONE);
        int[] indices = new int[Math.min(batchSize, data.count())];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
        }
        Batch batch = maker.make(indices, new SplittableRandom(7));
        List<Float> losses = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        long t0 = System.nanoTime();
        try (Trainer t = new Trainer(network, cfg, engine)) {
            List<Pair<String, Parameter>> trained = new ArrayList<>();
            t.block().getParameters().forEach(p -> {
                if (p.getValue().requiresGradient()) {
                    trained.add(p);
                }
            });
            boolean finite = true;
            for (int s = 0; s < maxSteps && (s == 0 || (System.nanoTime() - t0) / 1e9 < maxSeconds); s++) {
                boolean first = s == 0;
                float loss = t.step(batch, LEARNING_RATE, (phase, latest) -> {
                    if (first && phase.equals("backward")) {
                        for (Pair<String, Parameter> p : trained) {
                            try (NDArray g = p.getValue().getArray().getGradient().abs().sum()) {
                                if (g.getFloat() == 0f) {
                                    silent.add(p.getKey());
                                }
                            }
                        }
                    }
                });
                losses.add(loss);
                if (!Float.isFinite(loss)) {
                    finite = false;
                    break;
                }
            }
            return new OverfitProbe(losses, finite, trained.size(), silent, (System.nanoTime() - t0) / 1e9);
        }
    }
}
