package dev.incept.analysis;

/**
 * Receptive field of one output unit in input pixels, per axis, and the jump (input pixels between
 * adjacent output units). Saturates instead of overflowing: a field wider than a long is "everything".
 */
public record ReceptiveField(long height, long width, long jumpH, long jumpW) {
    public static final ReceptiveField PIXEL = new ReceptiveField(1, 1, 1, 1);

    ReceptiveField window(int kh, int kw, int sh, int sw) {
        return new ReceptiveField(
                add(height, mul(kh - 1, jumpH)), add(width, mul(kw - 1, jumpW)), mul(jumpH, sh), mul(jumpW, sw));
    }

    ReceptiveField max(ReceptiveField o) {
        return new ReceptiveField(Math.max(height, o.height), Math.max(width, o.width),
                Math.max(jumpH, o.jumpH), Math.max(jumpW, o.jumpW));
    }

    private static long mul(long a, long b) {
        long r = a * b;
        return (a != 0 && (r / a != b || r < 0)) ? Long.MAX_VALUE : r;
    }

    private static long add(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    @Override
    public String toString() {
        return height == width ? Long.toString(height) : height + "x" + width;
    }
}
