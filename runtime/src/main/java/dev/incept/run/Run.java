package dev.incept.run;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import dev.incept.data.DataSource;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.metrics.EpochMetrics;
import dev.incept.metrics.EvalOptions;
import dev.incept.metrics.Evaluation;
import dev.incept.metrics.MetricsJson;
import dev.incept.train.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A run folder reopened: what was trained, how and on what ({@link RunSpec}, from its
 * {@code run.json}), how far it got and its figures per epoch (from its checkpoint), and its
 * network ready to evaluate or train further. The same from Java, Kotlin, a notebook and the
 * command line's evaluation and resume.
 */
public final class Run {
    private final Path dir;
    private final RunSpec spec;

    private Run(Path dir, RunSpec spec) {
        this.dir = dir;
        this.spec = spec;
    }

    /** Reopens the run in {@code dir}. */
    public static Run open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RunException("no run folder at " + dir);
        }
        return new Run(dir, RunSpec.read(dir));
    }

    /** Makes {@code dir} a run folder for {@code spec} (its run.json), or updates the one there. */
    public static Run create(Path dir, RunSpec spec) {
        spec.write(dir);
        return new Run(dir, spec);
    }

    /** The runs directly inside {@code parent} (folders with a run.json), by name. */
    public static List<Run> list(Path parent) {
        List<Run> runs = new ArrayList<>();
        try (Stream<Path> children = Files.list(parent)) {
            for (Path d : children.sorted().toList()) {
                if (Files.isRegularFile(d.resolve(RunSpec.FILE_NAME))) {
                    runs.add(open(d));
                }
            }
        } catch (IOException e) {
            throw new RunException("cannot list " + parent + ": " + e.getMessage(), e);
        }
        return runs;
    }

    public Path dir() {
        return dir;
    }

    public RunSpec spec() {
        return spec;
    }

    public Path checkpoint() {
        return dir.resolve(Checkpoint.FILE_NAME);
    }

    /** Every finished epoch's figures, as its last checkpoint recorded them; empty before the first. */
    public List<EpochMetrics> history() {
        if (!Files.exists(checkpoint())) {
            return List.of();
        }
        return Checkpoint.read(checkpoint()).header().history();
    }

    /** A trainer for this run on {@code engine} and {@code device} (null: the run's own), restored from its checkpoint. */
    public Trainer trainer(EngineChoice engine, Device device) {
        EngineChoice e = engine != null ? engine : spec.engine();
        Device d = device != null ? device : Device.fromName(spec.device().label());
        Trainer t = new Trainer(spec.network(), spec.config(), Engines.load(e), d);
        if (Files.exists(checkpoint())) {
            try {
                Checkpoint.restore(t, checkpoint());
            } catch (RuntimeException failed) {
                t.close();
                throw failed;
            }
        }
        return t;
    }

    /** The test-set figures of the last checkpoint, on the run's own data, engine and device. */
    public Evaluation evaluate(EvalOptions options) {
        DataSource data = spec.data().open();
        try (Trainer t = trainer(null, null)) {
            return t.evaluate(data.train(), data.test(), options);
        }
    }

    @Override
    public String toString() {
        return dir.getFileName() + " (" + spec.network().name() + ", " + spec.config().epochs() + " epochs asked)";
    }
}
