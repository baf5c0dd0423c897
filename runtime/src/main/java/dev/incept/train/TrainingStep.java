package dev.incept.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import dev.incept.engine.EngineChoice;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import dev.incept.optim.FusedRule;
import dev.incept.optim.FusedUpdate;
import dev.incept.optim.GradientClipping;
import dev.incept.optim.MovingAverage;
import dev.incept.optim.Optimizer;
import dev.incept.optim.WeightDecay;
import dev.incept.precision.AutocastStore;
import dev.incept.precision.LossScale;
import dev.incept.precision.Precision;

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
    private Precision precision = Precision.FLOAT32;
    private ParameterStore reads;
    private AutocastStore autocast;
    private LossScale lossScale;
    /** The batch's bytes on their way to the engine, reused from step to step. */
    private ByteBuffer staging;

    /** A step of {@code block}, whose parameters {@code store} holds, on {@code manager}'s engine, learning by {@code rules}. */
    public TrainingStep(NDManager manager, Block block, ParameterStore store, StepRules rules) {
        this.engine = manager.getEngine();
        this.manager = manager;
        this.block = block;
        this.store = store;
        this.optimizer = rules.optimizer();
        this.auxWeights = rules.auxWeights();
        this.labelSmoothing = rules.labelSmoothing();
        this.clipNorm = rules.clipNorm();
        this.average = rules.average();
        this.params = block.getParameters();
        for (Pair<String, Parameter> p : params) {
            if (p.getValue().requiresGradient()) {
                trained.add(p);
            }
        }
        trained.stream().filter(p -> WeightDecay.applies(p.getKey())).forEach(decayedFirst::add);
        decayed = decayedFirst.size();
        trained.stream().filter(p -> !WeightDecay.applies(p.getKey())).forEach(decayedFirst::add);
        this.reads = store;
    }

    /**
     * Computes the forward and backward passes in {@code p} ({@link Precision}); the weights and
     * the update stay float32.
     */
    public TrainingStep withPrecision(Precision p) {
        if (p.reduced() && EngineChoice.of(engine) != EngineChoice.PYTORCH) {
            throw new IllegalArgumentException("precision " + p.label() + " needs the PyTorch engine (MXNet trains in float32 only)");
        }
        precision = p;
        List<Parameter> all = new ArrayList<>();
        params.forEach(e -> all.add(e.getValue()));
        autocast = p.reduced() ? new AutocastStore(store, p, all) : null;
        reads = autocast == null ? store : autocast;
        lossScale = p == Precision.FP16 ? new LossScale(LossScale.START) : null;
        return this;
    }

    /** A float16 step's loss scale starts here instead (tests that need an overflow). */
    public TrainingStep startLossScaleAt(float scale) {
        if (lossScale != null) {
            lossScale = new LossScale(scale);
        }
        return this;
    }

    /** The current loss scale of a float16 step, 1 for the others. */
    public float lossScale() {
        return lossScale == null ? 1f : lossScale.value();
    }

    /** Whether the last update was the one-call fused update. */
    public boolean fusedLastStep() {
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
            NDArray x = upload(pixels, input);
            return step(x, targets(labels, classes), learningRate, logitsOut, phases);
        }
    }

    /**
     * The batch as an array on the step's device. DJL's {@code create(float[])} allocates a new direct
     * buffer (zeroed, then filled) for every batch, 68.6 MB for Inception-v3 at 64 x 299 x 299; the
     * same buffer is refilled instead. The engine copies out of it before this returns (MXNet and
     * the GPU's upload), or, on PyTorch's CPU, reads it only within this step.
     */
    private NDArray upload(float[] pixels, Shape input) {
        int bytes = pixels.length * Float.BYTES;
        if (staging == null || staging.capacity() != bytes) {
            staging = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        }
        staging.clear();
        staging.asFloatBuffer().put(pixels);
        return manager.create(staging, input, DataType.FLOAT32);
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
            NDArray in = x;
            if (autocast != null) {
                autocast.begin(fusedModule(), manager);
                // The input needs no gradient, so DJL's detaching cast does.
                in = x.toType(precision.dataType(), false);
            }
            out = block.forward(reads, new NDList(in), true);
            loss = LabelSmoothing.loss(float32(out.get(0)), targets);
            for (int i = 0; i < auxWeights.size(); i++) {
                if (auxWeights.get(i) > 0) {
                    loss = loss.add(LabelSmoothing.loss(float32(out.get(i + 1)), targets).mul(auxWeights.get(i).floatValue()));
                }
            }
            phases.reached("forward", loss);
            collector.backward(lossScale == null ? loss : loss.mul(lossScale.value()));
        } finally {
            if (autocast != null) {
                autocast.end();
            }
        }
        phases.reached("backward", loss);
        float value = loss.getFloat();
        if (logitsOut != null) {
            System.arraycopy(float32(out.get(0)).toFloatArray(), 0, logitsOut, 0, logitsOut.length);
        }
        if (!Float.isFinite(value) || (lossScale != null && !unscale())) {
            return value;
        }
        update(learningRate);
        phases.reached("update", trained.isEmpty() ? loss : trained.get(trained.size() - 1).getValue().getArray());
        return value;
    }

    private FusedUpdate fusedModule() {
        if (fused == null) {
            fused = FusedUpdate.load(manager);
        }
        return fused;
    }

    /**
     * The loss is taken in float32. DJL's cast detaches its result from the graph, so a 16-bit
     * output is promoted instead: adding a one-element float32 zero makes the sum float32 under
     * PyTorch's promotion rules, exactly, and the backward pass goes through the addition.
     */
    private NDArray float32(NDArray a) {
        return precision.reduced() ? a.add(manager.zeros(new Shape(1), DataType.FLOAT32)) : a;
    }

    /**
     * Divides a float16 step's gradients by the loss scale, in one call of the scripted (or native)
     * module the weights' 16-bit copies came from. False when one of them overflowed: the gradients
     * are then cleared, the scale halved and the step skipped, as PyTorch's GradScaler does.
     */
    private boolean unscale() {
        List<NDArray> weights = new ArrayList<>(trained.size());
        trained.forEach(p -> weights.add(p.getValue().getArray()));
        if (Float.isFinite(fusedModule().unscale(weights, 1f / lossScale.value()))) {
            lossScale.stepped();
            return true;
        }
        lossScale.overflowed();
        return false;
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
                fusedModule();
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
