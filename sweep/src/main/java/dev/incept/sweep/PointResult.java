package dev.incept.sweep;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What one point of a sweep gave: its figures after its last epoch (test top-1, top-5, loss and
 * calibration error, training loss, speed), the network's size and cost, top-1 per epoch; or,
 * for a point that failed, the error its run ended with. {@code earlier}: finished by an
 * earlier invocation of the sweep and only read back.
 */
public record PointResult(String id, Map<String, String> settings, boolean failed, String error, boolean earlier,
                          int epochs, double top1, double top5, double testLoss, double ece, double trainLoss,
                          double imagesPerSecond, double seconds, long params, long macs, List<Double> top1ByEpoch)
        implements Serializable {

    static PointResult failure(SweepPoint p, String error) {
        return new PointResult(p.id(), p.settings(), true, error, false, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, 0, 0, 0, List.of());
    }
}
