package dev.incept.data;

/**
 * Training-time augmentation: a random shift of up to {@code cropPadding} pixels (the "pad and
 * random crop" of CIFAR and Fashion-MNIST practice, zeros filling the border) and a random
 * horizontal flip where mirrored images are still of the same class (clothes, vehicles; not digits).
 */
public record Augment(int cropPadding, boolean flip) {
    public static final Augment NONE = new Augment(0, false);

    public Augment {
        if (cropPadding < 0) {
            throw new IllegalArgumentException("crop padding must be >= 0, got " + cropPadding);
        }
    }

    public boolean any() {
        return cropPadding > 0 || flip;
    }
}
