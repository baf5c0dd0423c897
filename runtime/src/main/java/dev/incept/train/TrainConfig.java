package dev.incept.train;

import dev.incept.data.Augment;
import dev.incept.optim.LearningRate;
import dev.incept.optim.OptimizerSpec;
import dev.incept.precision.Precision;

/**
 * Everything a training run is parameterised by. {@code auxWeight} null keeps each aux head's own
 * loss weight from the description (0.3 in GoogLeNet, 0.4 in v3); {@code clipNorm} 0 and
 * {@code emaDecay} 0 switch those off. {@code trainLimit}/{@code testLimit} use only the first
 * images of each set (quick runs). {@code precision}: the number format of the forward and backward
 * passes ({@link Precision}; 16-bit formats need PyTorch). {@code freezeUntil}: the last top-level block
 * that does not train (fine-tuning), or null to train them all.
 */
public record TrainConfig(int epochs, int batchSize, OptimizerSpec optimizer, LearningRate learningRate,
                          double labelSmoothing, Double auxWeight, double clipNorm, double emaDecay,
                          Augment augment, long seed, int trainLimit, int testLimit, Precision precision,
                          String freezeUntil) {

    public static final int MAX_EPOCHS = 100_000;
    public static final int MAX_BATCH = 65_536;

    public TrainConfig {
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new IllegalArgumentException("epochs must be in [1, " + MAX_EPOCHS + "], got " + epochs);
        }
        if (batchSize < 2 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batch size must be in [2, " + MAX_BATCH
                    + "] (batch norm needs more than one example), got " + batchSize);
        }
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
        if (precision == null) {
            throw new IllegalArgumentException("a training configuration needs a precision");
        }
        if (trainLimit < 1 || testLimit < 1) {
            throw new IllegalArgumentException("image limits must be positive");
        }
    }

    /** Plain defaults: SGD momentum 0.9 at 0.05, no smoothing, no clipping, no averaging. */
    public static TrainConfig defaults() {
        return new TrainConfig(10, 128, OptimizerSpec.sgd(0.9, 5e-4), LearningRate.constant(0.05),
                0, null, 0, 0, Augment.NONE, 42, Integer.MAX_VALUE, Integer.MAX_VALUE, Precision.FLOAT32, null);
    }

    /**
     * The Inception-v3 paper's recipe: RMSProp (decay 0.9, epsilon 1.0), lr 0.045 decayed by 0.94
     * every 2 epochs, label smoothing 0.1, gradient clipping at global norm 2.0, evaluation with a
     * moving average of the weights (0.9999), aux heads at the description's weights.
     */
    public static TrainConfig paper() {
        return new TrainConfig(100, 32, OptimizerSpec.paperRmsProp(), LearningRate.exponential(0.045, 0.94, 2),
                0.1, null, 2.0, 0.9999, Augment.NONE, 42, Integer.MAX_VALUE, Integer.MAX_VALUE, Precision.FLOAT32, null);
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
            epochs = c.epochs;
            batchSize = c.batchSize;
            optimizer = c.optimizer;
            learningRate = c.learningRate;
            labelSmoothing = c.labelSmoothing;
            auxWeight = c.auxWeight;
            clipNorm = c.clipNorm;
            emaDecay = c.emaDecay;
            augment = c.augment;
            seed = c.seed;
            trainLimit = c.trainLimit;
            testLimit = c.testLimit;
            precision = c.precision;
            freezeUntil = c.freezeUntil;
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
            return new TrainConfig(epochs, batchSize, optimizer, learningRate, labelSmoothing, auxWeight, clipNorm, emaDecay,
                    augment, seed, trainLimit, testLimit, precision, freezeUntil);
        }
    }
}
