package dev.incept.sweep;

import dev.incept.data.DataSource;
import dev.incept.failure.InceptException;
import dev.incept.run.DataSpec;
import dev.incept.run.RunSpec;
import dev.incept.run.TrainOption;
import dev.incept.run.TrainSettings;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A point with the run it stands for, made on the driver before Spark starts: its settings checked
 * and turned into a {@link RunSpec} (as run.json text, which travels to the executor as it is), so
 * that a typo, an unknown model or a value out of range stops the sweep in one line before any task
 * runs. {@code weights} and {@code metrics} are how the point's folder starts and is written.
 */
record PlannedPoint(SweepPoint point, String run, String weights, String metrics) implements Serializable {

    /** Every point of {@code points}, planned; each data set is opened once to learn its shape. */
    static List<PlannedPoint> plan(List<SweepPoint> points) {
        Map<DataSpec, DataSource> opened = new HashMap<>();
        List<PlannedPoint> out = new ArrayList<>();
        for (SweepPoint p : points) {
            try {
                Map<String, String> named = new java.util.LinkedHashMap<>(p.settings());
                named.remove("variant");
                TrainSettings s = TrainSettings.of(named).forPoint();
                DataSource data = opened.computeIfAbsent(s.dataSpec(), DataSpec::open);
                RunSpec spec = s.spec(data);
                Object weights = s.weights();
                out.add(new PlannedPoint(p, spec.toJson(), weights == null ? null : weights.toString(), s.metricsFormat(dev.incept.run.MetricsFormat.CSV).label()));
            } catch (InceptException | IllegalArgumentException e) {
                String line = e instanceof InceptException ie ? ie.userLine() : e.getMessage();
                throw new SweepException("point " + p.id() + ": " + line, e);
            }
        }
        return out;
    }

    RunSpec spec() {
        return RunSpec.fromJson(run, "the run of point " + point.id());
    }

    /** Checks a setting's name where a sweep is written, so that a typo is found before anything runs. */
    static void checkName(String key) {
        if (key.equals("variant")) {
            return;
        }
        try {
            TrainOption o = TrainOption.require(key, "setting");
            if (!o.inSweep()) {
                throw new SweepException("'" + key + "' cannot be a sweep setting: the sweep places each point's run folder");
            }
        } catch (InceptException e) {
            if (e instanceof SweepException s) {
                throw s;
            }
            throw new SweepException(e.getMessage(), e);
        }
    }
}
