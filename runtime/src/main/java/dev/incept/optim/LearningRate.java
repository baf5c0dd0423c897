package dev.incept.optim;

/**
 * An epoch-based learning-rate schedule: base * factor^floor(epoch / every), optionally after a
 * linear warm-up. The papers' 0.045 x 0.94 every 2 epochs is {@code exponential(0.045, 0.94, 2)}.
 * DJL's FactorTracker decays per update step, which is not what the papers describe.
 */
public record LearningRate(double base, double factor, double everyEpochs, double warmupEpochs) {
    public LearningRate {
        if (!(base > 0 && base < 1e9)) {
            throw new IllegalArgumentException("the learning rate must be in (0, 1e9), got " + base);
        }
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("the learning-rate decay factor must be in (0, 1], got " + factor);
        }
        if (!(everyEpochs > 0 && everyEpochs <= 1e6)) {
            throw new IllegalArgumentException("the learning rate decays every (0, 1e6] epochs, got " + everyEpochs);
        }
        if (!(warmupEpochs >= 0 && warmupEpochs <= 1e6)) {
            throw new IllegalArgumentException("warm-up must be in [0, 1e6] epochs, got " + warmupEpochs);
        }
    }

    public static LearningRate exponential(double base, double factor, double everyEpochs) {
        return new LearningRate(base, factor, everyEpochs, 0);
    }

    public static LearningRate constant(double base) {
        return new LearningRate(base, 1, 1, 0);
    }

    public LearningRate withWarmup(double epochs) {
        return new LearningRate(base, factor, everyEpochs, epochs);
    }

    public LearningRate withBase(double rate) {
        return new LearningRate(rate, factor, everyEpochs, warmupEpochs);
    }

    public LearningRate withFactor(double f) {
        return new LearningRate(base, f, everyEpochs, warmupEpochs);
    }

    public LearningRate withEveryEpochs(double epochs) {
        return new LearningRate(base, factor, epochs, warmupEpochs);
    }

    /** The rate at a point in training measured in epochs (0.5 = halfway through the first epoch). */
    public double at(double epoch) {
        double decayed = base * Math.pow(factor, Math.floor(epoch / everyEpochs));
        return epoch < warmupEpochs ? decayed * (epoch + 1e-9) / warmupEpochs : decayed;
    }

    public String describe() {
        String s = factor == 1 ? "constant " + base : base + " x " + factor + " every " + fmt(everyEpochs) + " epochs";
        return warmupEpochs > 0 ? s + ", warm-up " + fmt(warmupEpochs) + " epochs" : s;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
