package dev.incept.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import dev.incept.compile.Compiler;
import dev.incept.compile.NetworkBlock;
import dev.incept.data.Augment;
import dev.incept.data.Batch;
import dev.incept.data.BatchMaker;
import dev.incept.data.Images;
import dev.incept.data.Normalization;
import dev.incept.spec.Network;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.incept.metrics.EpochMetrics;
import dev.incept.metrics.EvalOptions;
import dev.incept.metrics.Evaluation;
import dev.incept.metrics.TrainingListener;
import dev.incept.optim.MovingAverage;
import dev.incept.optim.Optimizer;
import dev.incept.precision.ActivationBudget;
import dev.incept.probe.ActivationProbe;
import dev.incept.probe.StageStatistics;

/**
 * Trains a compiled description on one engine with the pieces the Inception papers describe:
 * label-smoothed cross-entropy plus weighted aux losses, a hand-written optimizer, an epoch-based
 * learning rate, global-norm clipping and a moving average used for evaluation. Each epoch ends
 * with an evaluation, and the state goes to a {@link StateKeeper} when there is one.
 */
public final class Trainer implements AutoCloseable {
    private final Network network;
    private final TrainConfig config;
    private final Engine engine;
    private final NDManager manager;
    private final NetworkBlock block;
    private final ParameterStore store;
    private final PairList<String, Parameter> params;
    private final Optimizer optimizer;
    private final MovingAverage average;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private final List<EpochMetrics> history = new ArrayList<>();
    private int epochsDone;
    private final Divergence divergence;
    private final TrainingStep trainingStep;
    private final Evaluator evaluator;
    private final EpochLoop epochs;
    /** Width of the main logits, worked out once rather than on every step. */
    private final int classes;

    public Trainer(Network network, TrainConfig config, Engine engine) {
        this(network, config, engine, null);
    }

    /** On {@code device} (null: the engine's default, the CPU unless a GPU is present). */
    public Trainer(Network network, TrainConfig config, Engine engine, ai.djl.Device device) {
        ActivationBudget.check(network, config.batchSize());
        this.network = network;
        this.config = config;
        this.engine = engine;
        this.manager = device == null ? engine.newBaseManager() : engine.newBaseManager(device);
        dev.incept.engine.CudnnAutotuner.enableFor(engine, manager.getDevice());
        this.block = Compiler.compile(network);
        engine.setRandomSeed((int) config.seed());
        Initializers.apply(block, network.init());
        dev.incept.spec.FeatureShape in = network.input();
        block.initialize(manager, DataType.FLOAT32, new Shape(config.batchSize(), in.channels(), in.height(), in.width()));
        if (config.freezeUntil() != null) {
            block.freezeUntil(config.freezeUntil());
        }
        this.store = new ParameterStore(manager, false);
        this.params = block.getParameters();
        this.optimizer = config.optimizer().create();
        this.average = config.emaDecay() > 0 ? new MovingAverage(config.emaDecay()) : null;
        List<Double> auxWeights = block.auxLossWeights().stream().map(w -> config.auxWeight() == null ? w : config.auxWeight()).toList();
        this.classes = (int) block.getOutputShapes(new Shape[] {new Shape(1, in.channels(), in.height(), in.width())})[0].get(1);
        this.divergence = new Divergence(classes, auxWeights);
        this.trainingStep = new TrainingStep(manager, block, store, new StepRules(optimizer, auxWeights, config.labelSmoothing(),
                config.clipNorm(), average)).withPrecision(config.precision());
        this.evaluator = new Evaluator(block, manager, store, params, average, classes, config.batchSize());
        this.epochs = new EpochLoop(engine, config, listeners, trainingStep, divergence, classes);
    }

    public Trainer listen(TrainingListener l) {
        listeners.add(l);
        return this;
    }

    /**
     * Starts from saved weights instead of the initialisation: incept's own (what {@link #weights}
     * gives), or torchvision's and timm's tensors by their names, in a torch.save or safetensors
     * file ({@link dev.incept.weights.Weights}). Call it before
     * {@link #fit}; a classifier for another class count keeps its initialisation.
     */
    public dev.incept.weights.Weights.LoadReport startFrom(java.nio.file.Path file) {
        return dev.incept.weights.Weights.load(block, network, file);
    }

    public Network network() {
        return network;
    }

    /**
     * The weights an evaluation uses (the moving average when there is one), as a safetensors
     * file's bytes by incept's own names; {@link #startFrom} reads such a file back.
     */
    public byte[] weights() {
        return evaluator.withEvaluated(b -> dev.incept.weights.SafeTensors.bytes(dev.incept.weights.Weights.own(b, network)));
    }

    public NetworkBlock block() {
        return block;
    }

    public NDManager manager() {
        return manager;
    }

    public List<EpochMetrics> history() {
        return List.copyOf(history);
    }

    /** Trains until {@code config.epochs()} epochs are complete, keeping no state. */
    public List<EpochMetrics> fit(Images train, Images test) {
        return fit(train, test, null);
    }

    /**
     * Trains from the epochs already done ({@link #continueFrom}) until {@code config.epochs()}
     * are, handing the state to {@code keeper} (null: none) after every epoch.
     */
    public List<EpochMetrics> fit(Images train, Images test, StateKeeper keeper) {
        DataCheck.fits(network, classes, train, test);
        Path kept = keeper == null ? null : keeper.place();
        dev.incept.spec.FeatureShape in = network.input();
        Normalization norm = Normalization.of(train);
        BatchMaker trainMaker = new BatchMaker(train, in.height(), in.width(), norm, config.augment());
        BatchMaker testMaker = new BatchMaker(test, in.height(), in.width(), norm, Augment.NONE);
        for (int epoch = epochsDone; epoch < config.epochs(); epoch++) {
            EpochMetrics m = epochs.train(trainMaker, epoch, kept, () -> evaluator.evaluate(testMaker, config.testLimit(), false));
            divergence.checkEpoch(m, kept);
            history.add(m);
            epochsDone = epoch + 1;
            // The state first: the metrics and curves written by listeners never describe an
            // epoch that a resume would have to train again.
            if (keeper != null) {
                keeper.keep(state());
            }
            for (TrainingListener l : listeners) {
                l.onEpochEnd(m);
            }
            if (keeper != null) {
                for (TrainingListener l : listeners) {
                    l.onCheckpoint(kept, epochsDone);
                }
            }
        }
        return history();
    }

    /**
     * One update on {@code b} at {@code lr}, telling {@code phases} as each part has been issued;
     * returns the objective (main plus weighted aux losses). For probes that drive steps themselves
     * (OverfitProbe); training runs them through {@link #fit}.
     */
    public float step(Batch b, float lr, StepPhases phases) {
        return trainingStep.run(b.pixels(), new Shape(b.size(), b.channels(), b.height(), b.width()), b.labels(), classes, lr, null, phases);
    }

    /** The parameters each step updates, by DJL's names. */
    public List<String> trainedNames() {
        return trainingStep.trained().stream().map(Pair::getKey).toList();
    }

    /** The live weights' {@link ActivationProbe} on the first {@code count} images of {@code images}. */
    public List<StageStatistics> stageStatistics(Images train, Images images, int count) {
        return ActivationProbe.measure(block, manager, store, train, images, count);
    }

    /**
     * Lends the block holding the weights an evaluation uses (the moving average when there is
     * one, else the live weights) to {@code use}, and puts the live weights back afterwards: what
     * an export of a run writes.
     */
    public void withEvaluatedWeights(java.util.function.Consumer<NetworkBlock> use) {
        evaluator.lend(use);
    }

    /** Evaluates on {@code test}, normalised with {@code train}'s statistics as in training. */
    public Evaluation evaluate(Images train, Images test) {
        return evaluate(train, test, EvalOptions.SINGLE_VIEW);
    }

    /** As {@link #evaluate(Images, Images)}, the way {@code options} say. */
    public Evaluation evaluate(Images train, Images test, EvalOptions options) {
        dev.incept.spec.FeatureShape in = network.input();
        return evaluator.evaluate(new BatchMaker(test, in.height(), in.width(), Normalization.of(train), Augment.NONE),
                config.testLimit(), options.mirrored());
    }

    /** What a checkpoint keeps of this trainer now; its arrays are lent, not copied. */
    public TrainerState state() {
        return new TrainerState(network, epochsDone, config.seed(), engine.getEngineName(), optimizer.describe(), config.optimizer(),
                average == null ? 0 : average.updates(), history, block, optimizer.state(),
                average == null ? java.util.Map.of() : average.state());
    }

    /** The optimizer as it describes itself (its kind and settings), for messages. */
    public String optimizerDescription() {
        return optimizer.describe();
    }

    public TrainConfig config() {
        return config;
    }

    /**
     * Continues from {@code point}, whose parameters were already loaded into {@link #block}: the
     * optimizer's state, the moving average and the epochs done with their figures; the listeners
     * hear of it.
     */
    public void continueFrom(ResumePoint point) {
        for (Pair<String, Parameter> p : trainingStep.trained()) {
            p.getValue().getArray().setRequiresGradient(true);
        }
        optimizer.restore(point.optimizerState());
        if (average != null) {
            average.restore(point.averageState(), point.emaUpdates());
        }
        history.clear();
        history.addAll(point.history());
        epochsDone = point.epochsDone();
        for (TrainingListener l : listeners) {
            l.onResume(point.from(), epochsDone, history());
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
