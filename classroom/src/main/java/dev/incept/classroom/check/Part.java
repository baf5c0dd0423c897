package dev.incept.classroom.check;

/**
 * One part of a check worth {@code share} of its points (the shares of a check add up to 1), of
 * which {@code earned} (0 to 1) was earned; {@code message} says why when not all of it was.
 */
public record Part(double share, double earned, String message) {
    public Part {
        if (!(share > 0 && share <= 1) || !(earned >= 0 && earned <= 1)) {
            throw new IllegalArgumentException("a part's share must be in (0, 1] and what it earned in [0, 1], got " + share + ", " + earned);
        }
    }
}
