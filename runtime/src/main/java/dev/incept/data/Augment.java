package dev.incept.data;

/**
 * Training-time augmentation: a random shift of up to {@code cropPadding} pixels (the "pad and
 * random crop" of CIFAR and Fashion-MNIST practice, zeros filling the border), a random
 * horizontal flip where mirrored images are still of the same class (clothes, vehicles; not
 * digits), and, with probability {@code erase}, random erasing (see {@link RandomErase}).
 */
public record Augment(int cropPadding, boolean flip, double erase) {
    public static final Augment NONE = new Augment(0, false, 0);

    public Augment {
        if (cropPadding < 0) {
            throw new IllegalArgumentException("crop padding must be >= 0, got " + cropPadding);
        }
        if (!(erase >= 0 && erase <= 1)) {
            throw new IllegalArgumentException("random-erasing probability must be in [0, 1], got " + erase);
        }
    }

    public Augment(int cropPadding, boolean flip) {
        this(cropPadding, flip, 0);
    }

    public Augment withErase(double probability) {
        return new Augment(cropPadding, flip, probability);
    }

    public boolean any() {
        return cropPadding > 0 || flip || erase > 0;
    }
}
