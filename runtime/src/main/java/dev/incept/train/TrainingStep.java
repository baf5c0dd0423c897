package dev.incept.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * One training update of a block, the same for {@link Trainer} and for the benchmark that times
 * it: the forward pass, the label-smoothed cross-entropy of the main output plus each weighted
 * aux output, the backward pass, global-norm clipping, the optimizer's update of every trained
 * parameter and the moving average. Gradients are zeroed after use, since PyTorch adds each
 * backward pass to the last one where MXNet overwrites.
 *
 * <p>{@code auxWeights}: the loss weight of each aux output, in output order (0 leaves that head
 * out); {@code clipNorm}: clip the gradients to this global norm, 0 leaves them as they are;
 * {@code average}: the moving average to update after the step, or null.
 *
 * <p>On PyTorch the update after the backward pass (clipping, the rule, the average, zeroing) is
 * one native call over all weights ({@link FusedUpdate}) when the optimizer has a fused form;
 * {@link #perWeightUpdates()} keeps the per-weight path, which MXNet always takes.
 */
public final class TrainingStep {
    private final Engine engine;
    private final NDManager manager;
    private final Block block;
    private final ParameterStore store;
    private final Optimizer optimizer;
    private final List<Double> auxWeights;
    private final double labelSmoothing;
    private final double clipNorm;
    private final MovingAverage average;
    private final PairList<String, Parameter> params;
    private final List<Pair<String, Parameter>> trained = new ArrayList<>();
    /** The trained parameters with weight decay first, as the fused update takes them, and how many decay. */
    private final List<Pair<String, Parameter>> decayedFirst = new ArrayList<>();
    private final int decayed;
    private boolean fuse = true;
    private FusedUpdate fused;
    private boolean fusedLast;

    public TrainingStep(Engine engine, NDManager manager, Block block, ParameterStore store, Optimizer optimizer,
                        List<Double> auxWeights, double labelSmoothing, double clipNorm, MovingAverage average) {
        this.engine = engine;
        this.manager = manager;
        this.block = block;
        this.store = store;
        this.optimizer = optimizer;
        this.auxWeights = List.copyOf(auxWeights);
        this.labelSmoothing = labelSmoothing;
        this.clipNorm = clipNorm;
        this.average = average;
        this.params = block.getParameters();
        for (Pair<String, Parameter> p : params) {
            if (p.getValue().requiresGradient()) {
                trained.add(p);
            }
        }
        trained.stream().filter(p -> WeightDecay.applies(p.getKey())).forEach(decayedFirst::add);
        decayed = decayedFirst.size();
        trained.stream().filter(p -> !WeightDecay.applies(p.getKey())).forEach(decayedFirst::add);
    }

    /** Whether the last update was the one-call fused update. */
    boolean fusedLastStep() {
        return fusedLast;
    }

    /** Updates weight by weight on every engine (the path before the fused update, kept for comparison). */
    public TrainingStep perWeightUpdates() {
        fuse = false;
        return this;
    }

    /** The parameters the step updates, in the block's order, named as the optimizer's state keys them. */
    public List<Pair<String, Parameter>> trained() {
        return List.copyOf(trained);
    }

    /**
     * One update on a batch of {@code input}-shaped {@code pixels}. Returns the objective; when it
     * is not finite the parameters are left as they were. With {@code logitsOut} non-null the main
     * output is copied there.
     */
    public float run(float[] pixels, Shape input, int[] labels, int classes, float learningRate, float[] logitsOut) {
        return run(pixels, input, labels, classes, learningRate, logitsOut, StepPhases.NONE);
    }

    /** As the other {@code run}, telling {@code phases} as each part of the step has been issued. */
    public float run(float[] pixels, Shape input, int[] labels, int classes, float learningRate, float[] logitsOut,
                     StepPhases phases) {
        try (NDScope scope = new NDScope()) {
            NDArray x = manager.create(pixels, input);
            return step(x, targets(labels, classes), learningRate, logitsOut, phases);
        }
    }

    /** The label-smoothed targets of {@code labels}, as {@link #run(NDArray, NDArray, float, float[], StepPhases)} takes them. */
    public NDArray targets(int[] labels, int classes) {
        return manager.create(LabelSmoothing.targets(labels, classes, labelSmoothing), new Shape(labels.length, classes));
    }

    /**
     * As the other {@code run}, on a batch already in an array on the step's device (a benchmark's
     * batch kept on the GPU) with its {@link #targets(int[], int)}; neither is closed.
     */
    public float run(NDArray x, NDArray targets, float learningRate, float[] logitsOut, StepPhases phases) {
        try (NDScope scope = new NDScope()) {
            return step(x, targets, learningRate, logitsOut, phases);
        }
    }

    private float step(NDArray x, NDArray targets, float learningRate, float[] logitsOut, StepPhases phases) {
        NDList out;
        NDArray loss;
        try (GradientCollector collector = engine.newGradientCollector()) {
            out = block.forward(store, new NDList(x), true);
            loss = LabelSmoothing.loss(out.get(0), targets);
            for (int i = 0; i < auxWeights.size(); i++) {
                if (auxWeights.get(i) > 0) {
                    loss = loss.add(LabelSmoothing.loss(out.get(i + 1), targets).mul(auxWeights.get(i).floatValue()));
                }
            }
            phases.reached("forward", loss);
            collector.backward(loss);
        }
        phases.reached("backward", loss);
        float value = loss.getFloat();
        if (logitsOut != null) {
            System.arraycopy(out.get(0).toFloatArray(), 0, logitsOut, 0, logitsOut.length);
        }
        if (!Float.isFinite(value)) {
            return value;
        }
        update(learningRate);
        phases.reached("update", trained.isEmpty() ? loss : trained.get(trained.size() - 1).getValue().getArray());
        return value;
    }

    private void update(float learningRate) {
        List<String> names = new ArrayList<>(decayedFirst.size());
        List<NDArray> weights = new ArrayList<>(decayedFirst.size());
        for (Pair<String, Parameter> p : decayedFirst) {
            names.add(p.getKey());
            weights.add(p.getValue().getArray());
        }
        optimizer.beginStep();
        FusedRule rule = fuse && FusedUpdate.runsOn(manager) ? optimizer.fused(names, weights) : null;
        fusedLast = rule != null;
        if (rule == null) {
            updatePerWeight(learningRate);
            return;
        }
        if (fused == null) {
            try {
                fused = FusedUpdate.load(manager);
            } catch (RuntimeException e) {
                // A libtorch that cannot compile the scripted update costs speed, not the run.
                System.err.println("incept: the one-call optimizer update is unavailable ("
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "); updating weight by weight");
                fuse = false;
                fusedLast = false;
                updatePerWeight(learningRate);
                return;
            }
        }
        boolean averaging = average != null && average.started(params);
        List<NDArray> averaged = new ArrayList<>();
        List<NDArray> shadows = List.of();
        float averageDecay = 0;
        if (averaging) {
            params.forEach(p -> averaged.add(p.getValue().getArray()));
            shadows = average.shadows(params);
            averageDecay = average.nextDecay();
        }
        fused.step(weights, decayed, rule, learningRate, (float) clipNorm, averaged, shadows, averageDecay);
        if (average != null && !averaging) {
            average.update(params);
        }
    }

    /** Clipping and the optimizer's update, a few native calls per weight; the optimizer's step has begun. */
    private void updatePerWeight(float learningRate) {
        List<NDArray> grads = gradients();
        if (clipNorm > 0) {
            GradientClipping.clipByGlobalNorm(grads, clipNorm);
        }
        updateWeights(learningRate, grads);
    }

    private List<NDArray> gradients() {
        List<NDArray> grads = new ArrayList<>(trained.size());
        for (Pair<String, Parameter> p : trained) {
            grads.add(p.getValue().getArray().getGradient());
        }
        return grads;
    }

    private void updateWeights(float learningRate, List<NDArray> grads) {
        for (int i = 0; i < trained.size(); i++) {
            optimizer.update(trained.get(i).getKey(), trained.get(i).getValue().getArray(), grads.get(i), learningRate);
            grads.get(i).subi(grads.get(i));
        }
        if (average != null) {
            average.update(params);
        }
    }
}
