package dev.incept.train;

import dev.incept.data.Augment;
import dev.incept.optim.LearningRate;
import dev.incept.optim.OptimizerSpec;
import dev.incept.precision.Precision;

/**
 * Everything a training run is parameterised by, in three parts: the {@link Recipe} (how the
 * weights move and what they see), the {@link Budget} (how much of it, from which seed) and the
 * {@link Execution} (how the passes run). The accessors of each part's fields are also the
 * configuration's own, and one {@link Builder} changes any of them.
 */
public record TrainConfig(Recipe recipe, Budget budget, Execution execution) {

    public static final int MAX_EPOCHS = 100_000;
    public static final int MAX_BATCH = 65_536;

    /**
     * The paper's side of a run: the update rule, its schedule, label smoothing, gradient clipping
     * (0: off), a moving average of the weights for evaluation (0: off), the aux heads' loss weight
     * (null: each head's own from the description, 0.3 in GoogLeNet, 0.4 in v3) and augmentation.
     */
    public record Recipe(OptimizerSpec optimizer, LearningRate learningRate, double labelSmoothing, Double auxWeight,
                         double clipNorm, double emaDecay, Augment augment) {
        public Recipe {
            if (optimizer == null || learningRate == null || augment == null) {
                throw new IllegalArgumentException("a training configuration needs an optimizer, a learning rate and an augmentation");
            }
            LabelSmoothing.check(labelSmoothing);
            if (auxWeight != null && !(auxWeight >= 0 && auxWeight <= 10)) {
                throw new IllegalArgumentException("aux loss weight must be in [0, 10], got " + auxWeight);
            }
            if (!(clipNorm >= 0 && clipNorm < 1e9)) {
                throw new IllegalArgumentException("clip norm must be in [0, 1e9), got " + clipNorm);
            }
            if (!(emaDecay >= 0 && emaDecay < 1)) {
                throw new IllegalArgumentException("moving-average decay must be in [0, 1), got " + emaDecay);
            }
        }
    }

    /** How much training: epochs, images per step, the first images of each set only (quick runs), and the seed. */
    public record Budget(int epochs, int batchSize, int trainLimit, int testLimit, long seed) {
        public Budget {
            if (epochs < 1 || epochs > MAX_EPOCHS) {
                throw new IllegalArgumentException("epochs must be in [1, " + MAX_EPOCHS + "], got " + epochs);
            }
            if (batchSize < 2 || batchSize > MAX_BATCH) {
                throw new IllegalArgumentException("batch size must be in [2, " + MAX_BATCH
                        + "] (batch norm needs more than one example), got " + batchSize);
            }
            if (trainLimit < 1 || testLimit < 1) {
                throw new IllegalArgumentException("image limits must be positive");
            }
        }
    }

    /**
     * How the passes run: the number format of the forward and backward passes ({@link Precision};
     * 16-bit formats need PyTorch), and the last top-level block that does not train (fine-tuning),
     * or null to train them all.
     */
    public record Execution(Precision precision, String freezeUntil) {
        public Execution {
            if (precision == null) {
                throw new IllegalArgumentException("a training configuration needs a precision");
            }
        }
    }

    public TrainConfig {
        if (recipe == null || budget == null || execution == null) {
            throw new IllegalArgumentException("a training configuration needs a recipe, a budget and an execution");
        }
    }

    /** Plain defaults: SGD momentum 0.9 at 0.05, no smoothing, no clipping, no averaging. */
    public static TrainConfig defaults() {
        return new TrainConfig(new Recipe(OptimizerSpec.sgd(0.9, 5e-4), LearningRate.constant(0.05), 0, null, 0, 0, Augment.NONE),
                new Budget(10, 128, Integer.MAX_VALUE, Integer.MAX_VALUE, 42), new Execution(Precision.FLOAT32, null));
    }

    /**
     * The Inception-v3 paper's recipe: RMSProp (decay 0.9, epsilon 1.0), lr 0.045 decayed by 0.94
     * every 2 epochs, label smoothing 0.1, gradient clipping at global norm 2.0, evaluation with a
     * moving average of the weights (0.9999), aux heads at the description's weights.
     */
    public static TrainConfig paper() {
        return new TrainConfig(new Recipe(OptimizerSpec.paperRmsProp(), LearningRate.exponential(0.045, 0.94, 2), 0.1, null, 2.0, 0.9999,
                Augment.NONE), new Budget(100, 32, Integer.MAX_VALUE, Integer.MAX_VALUE, 42), new Execution(Precision.FLOAT32, null));
    }

    public int epochs() {
        return budget.epochs();
    }

    public int batchSize() {
        return budget.batchSize();
    }

    public int trainLimit() {
        return budget.trainLimit();
    }

    public int testLimit() {
        return budget.testLimit();
    }

    public long seed() {
        return budget.seed();
    }

    public OptimizerSpec optimizer() {
        return recipe.optimizer();
    }

    public LearningRate learningRate() {
        return recipe.learningRate();
    }

    public double labelSmoothing() {
        return recipe.labelSmoothing();
    }

    public Double auxWeight() {
        return recipe.auxWeight();
    }

    public double clipNorm() {
        return recipe.clipNorm();
    }

    public double emaDecay() {
        return recipe.emaDecay();
    }

    public Augment augment() {
        return recipe.augment();
    }

    public Precision precision() {
        return execution.precision();
    }

    public String freezeUntil() {
        return execution.freezeUntil();
    }

    /** A builder starting from this configuration: {@code TrainConfig.paper().toBuilder().epochs(30).build()}. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public TrainConfig withEpochs(int n) {
        return toBuilder().epochs(n).build();
    }

    public TrainConfig withBatchSize(int n) {
        return toBuilder().batchSize(n).build();
    }

    public TrainConfig withOptimizer(OptimizerSpec o) {
        return toBuilder().optimizer(o).build();
    }

    public TrainConfig withLearningRate(LearningRate lr) {
        return toBuilder().learningRate(lr).build();
    }

    public TrainConfig withLabelSmoothing(double eps) {
        return toBuilder().labelSmoothing(eps).build();
    }

    public TrainConfig withAuxWeight(Double w) {
        return toBuilder().auxWeight(w).build();
    }

    public TrainConfig withClipNorm(double c) {
        return toBuilder().clipNorm(c).build();
    }

    public TrainConfig withEmaDecay(double d) {
        return toBuilder().emaDecay(d).build();
    }

    public TrainConfig withAugment(Augment a) {
        return toBuilder().augment(a).build();
    }

    public TrainConfig withSeed(long s) {
        return toBuilder().seed(s).build();
    }

    public TrainConfig withLimits(int train, int test) {
        return toBuilder().trainLimit(train).testLimit(test).build();
    }

    public TrainConfig withPrecision(Precision p) {
        return toBuilder().precision(p).build();
    }

    public TrainConfig withFreezeUntil(String stage) {
        return toBuilder().freezeUntil(stage).build();
    }

    /** Changes some fields of a configuration; {@link #build()} checks them all at once. */
    public static final class Builder {
        private int epochs;
        private int batchSize;
        private OptimizerSpec optimizer;
        private LearningRate learningRate;
        private double labelSmoothing;
        private Double auxWeight;
        private double clipNorm;
        private double emaDecay;
        private Augment augment;
        private long seed;
        private int trainLimit;
        private int testLimit;
        private Precision precision;
        private String freezeUntil;

        private Builder(TrainConfig c) {
            epochs = c.epochs();
            batchSize = c.batchSize();
            optimizer = c.optimizer();
            learningRate = c.learningRate();
            labelSmoothing = c.labelSmoothing();
            auxWeight = c.auxWeight();
            clipNorm = c.clipNorm();
            emaDecay = c.emaDecay();
            augment = c.augment();
            seed = c.seed();
            trainLimit = c.trainLimit();
            testLimit = c.testLimit();
            precision = c.precision();
            freezeUntil = c.freezeUntil();
        }

        public Builder epochs(int n) {
            epochs = n;
            return this;
        }

        public Builder batchSize(int n) {
            batchSize = n;
            return this;
        }

        public Builder optimizer(OptimizerSpec o) {
            optimizer = o;
            return this;
        }

        public Builder learningRate(LearningRate lr) {
            learningRate = lr;
            return this;
        }

        public Builder labelSmoothing(double eps) {
            labelSmoothing = eps;
            return this;
        }

        /** Null keeps each aux head's own loss weight from the description. */
        public Builder auxWeight(Double w) {
            auxWeight = w;
            return this;
        }

        public Builder clipNorm(double c) {
            clipNorm = c;
            return this;
        }

        public Builder emaDecay(double d) {
            emaDecay = d;
            return this;
        }

        public Builder augment(Augment a) {
            augment = a;
            return this;
        }

        public Builder seed(long s) {
            seed = s;
            return this;
        }

        public Builder trainLimit(int n) {
            trainLimit = n;
            return this;
        }

        public Builder testLimit(int n) {
            testLimit = n;
            return this;
        }

        /** Null trains every block. */
        public Builder freezeUntil(String stage) {
            freezeUntil = stage;
            return this;
        }

        public Builder precision(Precision p) {
            precision = p;
            return this;
        }

        public TrainConfig build() {
            return new TrainConfig(new Recipe(optimizer, learningRate, labelSmoothing, auxWeight, clipNorm, emaDecay, augment),
                    new Budget(epochs, batchSize, trainLimit, testLimit, seed), new Execution(precision, freezeUntil));
        }
    }
}
