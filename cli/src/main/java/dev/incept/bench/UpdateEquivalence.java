package dev.incept.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.incept.compile.Compiler;
import dev.incept.spec.Network;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import dev.incept.optim.FusedUpdate;
import dev.incept.train.StepRules;
import dev.incept.train.TrainingStep;
import dev.incept.optim.MovingAverage;
import dev.incept.optim.Optimizer;

/**
 * Trains two identical copies of a network for a few steps on the same batches, one with the
 * one-call update ({@link FusedUpdate}) and one weight by weight, and reports how far apart each
 * step leaves them: the proof that the fused update keeps the optimizers' maths, on any engine and device
 * (the tests run it on the CPU; `bench-case update-check` on a GPU).
 */
public final class UpdateEquivalence {
    /**
     * The largest differences after any one step, absolute for values up to 1 and relative above
     * (a batch norm's running variance of 10 is 1e-6 apart from its neighbouring float); {@code fused}: whether the fused path ran
     * on every step (false on engines without it, where both copies take the same path).
     */
    public record Gaps(double weights, double optimizerState, double average, double loss, boolean fused,
                         boolean gradientsZeroed) {
        public double worst() {
            return Math.max(Math.max(weights, optimizerState), Math.max(average, loss));
        }
    }

    private UpdateEquivalence() {
    }

    /**
     * {@code steps} steps of batch {@code batch} at a learning rate falling from {@code learningRate},
     * with an aux loss weight of 0.3 for every aux head, label smoothing 0.1, clipping at
     * {@code clipNorm} (0 for none) and a moving average of decay 0.99.
     */
    public static Gaps compare(Engine engine, Device device, Network network, Supplier<Optimizer> optimizer, double clipNorm,
                                 int batch, int steps, float learningRate) {
        Shape input = new Shape(batch, network.input().channels(), network.input().height(), network.input().width());
        int classes = dev.incept.analysis.Analyzer.analyze(network).output().channels();
        try (NDManager m = engine.newBaseManager(device)) {
            Copy fused = new Copy(engine, m, network, input, optimizer.get(), clipNorm, false);
            Copy perWeight = new Copy(engine, m, network, input, optimizer.get(), clipNorm, true);
            Random r = new Random(3);
            double loss = 0;
            double weights = 0;
            double state = 0;
            double average = 0;
            boolean allFused = true;
            for (int s = 0; s < steps; s++) {
                // Each step starts both copies from the same values, so what is compared is one
                // update. Without it, a difference in the last bit can move a max pool's choice
                // between tied inputs (ReLU zeros) and send a gradient elsewhere in the next step.
                perWeight.copyInto(fused);
                RandomBatch data = RandomBatch.draw(r, input, classes);
                float lr = learningRate * (float) Math.pow(0.9, s);
                // The same seed before each copy's step: both draw the same dropout masks.
                engine.setRandomSeed(100 + s);
                float a = fused.step.run(data.pixels(), input, data.labels(), classes, lr, null);
                engine.setRandomSeed(100 + s);
                float b = perWeight.step.run(data.pixels(), input, data.labels(), classes, lr, null);
                loss = Math.max(loss, Math.abs(a - b));
                allFused &= fused.step.fusedLastStep();
                weights = Math.max(weights, largest(perWeight.weights(), fused.weights()));
                state = Math.max(state, largest(perWeight.optimizer.state(), fused.optimizer.state()));
                average = Math.max(average, largest(perWeight.average.state(), fused.average.state()));
            }
            boolean zeroed = true;
            for (Pair<String, Parameter> p : fused.step.trained()) {
                try (NDArray g = p.getValue().getArray().getGradient().abs().max()) {
                    zeroed &= g.getFloat() == 0f;
                }
            }
            return new Gaps(weights, state, average, loss, allFused, zeroed);
        }
    }

    private static double largest(Map<String, NDArray> expected, Map<String, NDArray> actual) {
        if (!expected.keySet().equals(actual.keySet())) {
            return Double.POSITIVE_INFINITY;
        }
        double worst = 0;
        for (Map.Entry<String, NDArray> e : expected.entrySet()) {
            float[] x = e.getValue().toFloatArray();
            float[] y = actual.get(e.getKey()).toFloatArray();
            double here = 0;
            for (int i = 0; i < x.length; i++) {
                here = Math.max(here, Math.abs(x[i] - y[i]) / Math.max(1, Math.abs(x[i])));
            }
            worst = Math.max(worst, here);
        }
        return worst;
    }

    /** One copy of the network, initialised from the same seed as the other. */
    private static final class Copy {
        final Block block;
        final Optimizer optimizer;
        final MovingAverage average = new MovingAverage(0.99);
        final TrainingStep step;

        Copy(Engine engine, NDManager m, Network network, Shape input, Optimizer optimizer, double clipNorm, boolean perWeight) {
            this.optimizer = optimizer;
            block = Compiler.compile(network);
            engine.setRandomSeed(11);
            block.initialize(m, DataType.FLOAT32, input);
            List<Double> aux = Collections.nCopies(network.auxHeads().size(), 0.3);
            step = new TrainingStep(m, block, new ParameterStore(m, false), new StepRules(optimizer, aux, 0.1, clipNorm, average));
            if (perWeight) {
                step.perWeightUpdates();
            }
        }

        /** Copies this copy's weights, optimizer state and average into {@code other}'s arrays. */
        void copyInto(Copy other) {
            copy(weights(), other.weights());
            copy(optimizer.state(), other.optimizer.state());
            copy(average.state(), other.average.state());
        }

        private static void copy(Map<String, NDArray> from, Map<String, NDArray> to) {
            from.forEach((k, v) -> {
                NDArray target = to.get(k);
                if (target != null) {
                    v.copyTo(target);
                }
            });
        }

        Map<String, NDArray> weights() {
            Map<String, NDArray> out = new LinkedHashMap<>();
            block.getParameters().forEach(p -> out.put(p.getKey(), p.getValue().getArray()));
            return out;
        }
    }
}
