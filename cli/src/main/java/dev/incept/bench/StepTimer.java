package dev.incept.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.mxnet.engine.MxNDArray;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.incept.engine.EngineChoice;
import dev.incept.optim.OptimizerSpec;
import dev.incept.precision.Precision;
import dev.incept.train.StepPhases;
import dev.incept.train.StepRules;
import dev.incept.train.TrainingStep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Times whole training steps of any DJL block with {@link TrainingStep}, the step the trainer
 * itself runs (forward, cross-entropy, backward, SGD update), so a block compiled from a
 * description and a hand-written one are measured alike, and as training runs them.
 * MXNet queues work asynchronously: every timed interval ends by waiting for all of its queued
 * work, so nothing still queued is left out of the time.
 */
public final class StepTimer {
    private StepTimer() {
    }

    /**
     * Median and mean over the measured steps, in milliseconds; {@code phaseMs}: with
     * {@link Settings#phases()}, the median time of each part of a step, in step order, else empty.
     */
    public record Timing(int batch, double medianMs, double meanMs, long parameters, Map<String, Double> phaseMs) {
        public double imagesPerSecond() {
            return batch * 1000.0 / medianMs;
        }
    }

    /**
     * @param phases also time each part of a step, waiting for the device after each: "forward",
     *     "backward", "update-issue" (the host's time to queue the update) and "update-wait" (what
     *     the device still had to do then). The waits remove the overlap of host and device, so
     *     these steps are timed apart from the measured ones.
     * @param profileFile on PyTorch, record three more steps with libtorch's profiler into this file
     * @param optimizer the update rule of each step (SGD with momentum 0.9 unless told)
     * @param perWeight update weight by weight, where PyTorch would update all weights in one call
     * @param precision the number format of the forward and backward passes ({@link Precision})
     * @param hostBatch copy the batch from Java's heap to the device in every step, as training from
     *     a data set does; otherwise the batch is put on the device once, as torchvision's step
     *     (bench/peers/torchvision_step.py) keeps its batch, so both time the same work
     */
    public record Settings(boolean phases, String profileFile, OptimizerSpec optimizer, boolean perWeight, Precision precision,
                          boolean hostBatch) {
        public static final Settings PLAIN = new Settings(false, null, OptimizerSpec.sgd(0.9, 0), false, Precision.FLOAT32, false);
    }

    public static Timing measure(Engine engine, Block block, Shape input, int classes, int warmup, int steps) {
        return measure(engine, Device.cpu(), block, input, classes, warmup, steps);
    }

    /** The same on {@code device}: on a GPU the step ends when the last weight's update is read back. */
    public static Timing measure(Engine engine, Device device, Block block, Shape input, int classes, int warmup, int steps) {
        return measure(engine, device, block, input, classes, warmup, steps, Settings.PLAIN);
    }

    /** The same, with the extra measurements of {@code options}. */
    public static Timing measure(Engine engine, Device device, Block block, Shape input, int classes, int warmup, int steps,
                                 Settings options) {
        try (NDManager manager = engine.newBaseManager(device)) {
            engine.setRandomSeed(1);
            block.initialize(manager, DataType.FLOAT32, input);
            ParameterStore store = new ParameterStore(manager, false);
            List<Pair<String, Parameter>> trainable = new ArrayList<>();
            long count = 0;
            for (Pair<String, Parameter> p : block.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    trainable.add(p);
                    count += p.getValue().getArray().size();
                }
            }
            int batch = (int) input.get(0);
            RandomBatch data = RandomBatch.draw(new Random(2), input, classes);
            float[] pixels = data.pixels();
            int[] labels = data.labels();
            // Training's own step (Trainer's), with no aux loss, clipping or average.
            TrainingStep step = new TrainingStep(manager, block, store, StepRules.of(options.optimizer().create()));
            if (options.perWeight()) {
                step.perWeightUpdates();
            }
            step.withPrecision(options.precision());
            NDArray resident = options.hostBatch() ? null : manager.create(pixels, input);
            NDArray targets = options.hostBatch() ? null : step.targets(labels, classes);
            StepRun run = phases -> {
                if (resident == null) {
                    step.run(pixels, input, labels, classes, 0.01f, null, phases);
                } else {
                    step.run(resident, targets, 0.01f, null, phases);
                }
            };
            double[] ms = new double[steps];
            for (int s = -warmup; s < steps; s++) {
                long t0 = System.nanoTime();
                run.step(StepPhases.NONE);
                if (device.isGpu()) {
                    syncStream(trainable.get(trainable.size() - 1).getValue().getArray());
                } else {
                    sync(trainable);
                }
                if (s >= 0) {
                    ms[s] = (System.nanoTime() - t0) / 1e6;
                }
            }
            Map<String, Double> phaseMs = new LinkedHashMap<>();
            if (options.phases()) {
                PhaseClock clock = new PhaseClock(device, trainable);
                for (int s = 0; s < steps; s++) {
                    clock.start();
                    run.step(clock);
                }
                phaseMs = clock.medians();
            }
            if (options.profileFile() != null && EngineChoice.of(engine) == EngineChoice.PYTORCH) {
                TorchProfiler.begin(device.isGpu());
                for (int s = 0; s < 3; s++) {
                    run.step(StepPhases.NONE);
                }
                syncStream(trainable.get(trainable.size() - 1).getValue().getArray());
                TorchProfiler.end(options.profileFile());
            }
            return new Timing(batch, median(ms), Arrays.stream(ms).average().orElse(median(ms)), count, phaseMs);
        }
    }

    /** One training step on the case's batch, wherever the batch lives. */
    private interface StepRun {
        void step(StepPhases phases);
    }

    static double median(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Times each part of a step, waiting for the device at each boundary. */
    private static final class PhaseClock implements StepPhases {
        private final Device device;
        private final List<Pair<String, Parameter>> trainable;
        private final Map<String, List<Double>> times = new LinkedHashMap<>();
        private long last;

        PhaseClock(Device device, List<Pair<String, Parameter>> trainable) {
            this.device = device;
            this.trainable = trainable;
        }

        void start() {
            last = System.nanoTime();
        }

        @Override
        public void reached(String phase, NDArray latest) {
            if (phase.equals("update")) {
                record("update-issue");
                waitFor(latest);
                record("update-wait");
            } else {
                waitFor(latest);
                record(phase);
            }
        }

        private void waitFor(NDArray latest) {
            if (device.isGpu()) {
                syncStream(latest);
            } else {
                sync(trainable);
            }
        }

        private void record(String phase) {
            long now = System.nanoTime();
            times.computeIfAbsent(phase, k -> new ArrayList<>()).add((now - last) / 1e6);
            last = now;
        }

        Map<String, Double> medians() {
            Map<String, Double> out = new LinkedHashMap<>();
            times.forEach((k, v) -> out.put(k, median(v.stream().mapToDouble(Double::doubleValue).toArray())));
            return out;
        }
    }

    /**
     * A CUDA stream runs in order: reading back a sum of the last weight updated waits for the whole
     * step. (A sum, not an element: DJL's indexing calls into libtorch symbols that newer releases
     * no longer export.)
     */
    private static void syncStream(NDArray lastUpdated) {
        try (NDArray s = lastUpdated.sum()) {
            s.getFloat();
        }
    }

    /**
     * Waits for the step's queued work. On MXNet one call waits for everything queued; reading one
     * element of each weight back instead (the fallback for other engines) cost a oneDNN reorder and
     * a few native calls per weight inside every timed step (bench/DECISIONS.md#bench-sync).
     */
    private static void sync(List<Pair<String, Parameter>> trainable) {
        NDArray any = trainable.get(0).getValue().getArray();
        // By engine name, not instanceof: a PyTorch-only install (the GPU bundle) has no MXNet classes.
        if (EngineChoice.of(any.getManager()) == EngineChoice.MXNET) {
            ((MxNDArray) any).waitAll();
            return;
        }
        for (Pair<String, Parameter> p : trainable) {
            NDArray w = p.getValue().getArray();
            try (NDArray first = w.flatten().get(0)) {
                first.getFloat();
            }
        }
    }
}
