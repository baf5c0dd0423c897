package dev.incept.analysis;

import java.util.Locale;

/**
 * How batch norm is counted, since each framework publishes its parameter counts its own way.
 */
public enum Convention {
    /** Keras: no gamma (scale=False); beta trainable; moving mean and variance non-trainable. */
    KERAS(1, 2),
    /** PyTorch (torchvision, timm) and DJL: gamma and beta trainable; running statistics are buffers. */
    PYTORCH(2, 0);

    private final int trainablePerChannel;
    private final int bufferPerChannel;

    Convention(int trainablePerChannel, int bufferPerChannel) {
        this.trainablePerChannel = trainablePerChannel;
        this.bufferPerChannel = bufferPerChannel;
    }

    public int batchNormTrainablePerChannel() {
        return trainablePerChannel;
    }

    public int batchNormNonTrainablePerChannel() {
        return bufferPerChannel;
    }

    public static Convention parse(String text) {
        for (Convention c : values()) {
            if (c.name().equalsIgnoreCase(text)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown convention '" + text + "' (expected keras or pytorch)");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
