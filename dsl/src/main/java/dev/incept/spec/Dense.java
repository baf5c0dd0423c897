package dev.incept.spec;

/** A fully connected layer; a spatial input is flattened first (C*H*W features). */
public record Dense(String name, int units, boolean bias, ActivationKind activation) implements Layer {
    public Dense {
        name = Naming.orEmpty(name);
        activation = activation == null ? ActivationKind.LINEAR : activation;
    }

    public Dense named(String name) {
        return new Dense(name, units, bias, activation);
    }

    @Override
    public <R> R accept(LayerVisitor<R> visitor) {
        return visitor.dense(this);
    }

    public Dense relu() {
        return new Dense(name, units, bias, ActivationKind.RELU);
    }

    /** Keras's Dense(units, activation=...): softmax only as a network's last layer. */
    public Dense activation(ActivationKind a) {
        return new Dense(name, units, bias, a);
    }

    public Dense bias(boolean on) {
        return new Dense(name, units, on, activation);
    }
}
