package dev.incept.optim;

import java.util.Locale;

/** Which update rule and its hyper-parameters, as a value that checkpoints and command lines can carry. */
public record OptimizerSpec(OptimizerKind kind, double momentum, double decay, double epsilon, double weightDecay) {

    public OptimizerSpec {
        if (kind == null) {
            throw new IllegalArgumentException("an optimizer needs a kind: rmsprop, sgd or adam");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("the optimizer's decay rate must be in [0, 1), got " + decay);
        }
        if (!(epsilon >= 0 && epsilon <= 10)) {
            throw new IllegalArgumentException("the optimizer's epsilon must be in [0, 10], got " + epsilon);
        }
        if (!(weightDecay >= 0 && weightDecay < 1)) {
            throw new IllegalArgumentException("weight decay must be in [0, 1), got " + weightDecay);
        }
    }

    /** The papers' RMSProp: decay 0.9, epsilon 1.0, momentum 0.9 (TF-slim's default), weight decay 4e-5. */
    public static OptimizerSpec paperRmsProp() {
        return new OptimizerSpec(OptimizerKind.RMSPROP, 0.9, 0.9, 1.0, 4e-5);
    }

    public static OptimizerSpec sgd(double momentum, double weightDecay) {
        return new OptimizerSpec(OptimizerKind.SGD, momentum, 0, 0, weightDecay);
    }

    public static OptimizerSpec adam(double weightDecay) {
        return new OptimizerSpec(OptimizerKind.ADAM, 0.9, 0.999, 1e-8, weightDecay);
    }

    public static OptimizerKind kind(String name) {
        try {
            return OptimizerKind.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown optimizer '" + name + "'; use rmsprop, sgd or adam");
        }
    }

    public OptimizerSpec withWeightDecay(double wd) {
        return new OptimizerSpec(kind, momentum, decay, epsilon, wd);
    }

    public OptimizerSpec withMomentum(double m) {
        return new OptimizerSpec(kind, m, decay, epsilon, weightDecay);
    }

    public Optimizer create() {
        switch (kind) {
            case RMSPROP:
                return new RmsProp(decay, epsilon, momentum, weightDecay);
            case SGD:
                return new Sgd(momentum, weightDecay);
            default:
                return new Adam(momentum, decay, epsilon, weightDecay);
        }
    }
}
