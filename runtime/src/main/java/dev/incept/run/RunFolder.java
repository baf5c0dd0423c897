package dev.incept.run;

import dev.incept.data.DataSource;
import dev.incept.engine.EngineChoice;
import dev.incept.plot.CurvesFile;
import dev.incept.plot.PlotsOnClassPath;
import dev.incept.spec.FeatureShape;
import dev.incept.spec.Network;
import dev.incept.storage.DurableFile;
import dev.incept.storage.FolderLock;
import dev.incept.storage.StorageException;
import dev.incept.metrics.EpochMetrics;
import dev.incept.metrics.Evaluation;
import dev.incept.metrics.MetricsFile;
import dev.incept.metrics.ProgressBar;
import dev.incept.train.TrainConfig;
import dev.incept.train.Trainer;
import dev.incept.metrics.TrainingListener;
import dev.incept.weights.Weights;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The one door into training: a run folder made from a {@link RunSpec}, or one continued from its
 * checkpoint. It owns the folder's layout (run.json, the checkpoint, the lock, metrics, curves), so
 * the command line, a sweep's points, a notebook and the grader train the same way. A run refused
 * before its first checkpoint leaves no folder it made; a running one holds the folder's lock.
 */
public final class RunFolder {
    /** How a run is narrated and written: the lines a person reads, the metrics format, a file to start from (new runs only). */
    public record Options(PrintStream out, MetricsFormat metricsFormat, Path weights) {
        public Options {
            metricsFormat = metricsFormat == null ? MetricsFormat.CSV : metricsFormat;
        }

        /** Progress to {@code out}, metrics as CSV, from the description's initialisation. */
        public static Options to(PrintStream out) {
            return new Options(out, MetricsFormat.CSV, null);
        }

        /** Nothing narrated. */
        public static Options quiet() {
            return to(new PrintStream(OutputStream.nullOutputStream()));
        }

        public Options withMetrics(MetricsFormat format) {
            return new Options(out, format, weights);
        }

        public Options startingFrom(Path file) {
            return new Options(out, metricsFormat, file);
        }
    }

    /** What a resume may change: how long it runs (null: as asked before) and where (null: where it ran). */
    public record Changes(Integer epochs, EngineChoice engine, DeviceChoice device) {
        public static final Changes NONE = new Changes(null, null, null);
    }

    private RunFolder() {
    }

    /** Trains {@code spec} into the new run folder {@code dir}; returns every epoch's figures. */
    public static List<EpochMetrics> train(RunSpec spec, Path dir, Options options, TrainingListener... listeners) {
        return train(spec, spec.data().open(), dir, options, listeners);
    }

    /** The same, on {@code data} already opened from {@code spec.data()}. */
    public static List<EpochMetrics> train(RunSpec spec, DataSource data, Path dir, Options options, TrainingListener... listeners) {
        if (Files.exists(dir.resolve(Checkpoint.FILE_NAME))) {
            throw new SettingException(dir + " already holds a run; resume it, or train into another folder");
        }
        return start(dir, spec, data, false, options, listeners);
    }

    /** Continues the run in {@code dir} from its last checkpoint, with {@code changes}. */
    public static List<EpochMetrics> resume(Path dir, Changes changes, Options options, TrainingListener... listeners) {
        RunSpec spec = saved(dir);
        if (changes.epochs() != null) {
            spec = spec.withConfig(spec.config().withEpochs(changes.epochs()));
        }
        spec = spec.withPlace(changes.engine() != null ? changes.engine() : spec.engine(),
                changes.device() != null ? changes.device() : spec.device());
        if (options.weights() != null) {
            throw new SettingException(TrainOption.WEIGHTS, "starts a new run; a resume continues from its checkpoint");
        }
        return start(dir, spec, spec.data().open(), true, options, listeners);
    }

    /** The record of the run in {@code dir}, a folder incept made and checkpointed. */
    public static RunSpec saved(Path dir) {
        requireCheckpoint(dir);
        return Run.open(dir).spec();
    }

    /**
     * Refuses a folder with no checkpoint to resume. A run stopped while it wrote its first
     * checkpoint is told apart from a folder incept never made, and the partial checkpoint it left
     * is removed (under the folder's lock, so never one that a live run is still writing).
     */
    public static void requireCheckpoint(Path dir) {
        if (Files.exists(dir.resolve(Checkpoint.FILE_NAME))) {
            return;
        }
        if (!Files.exists(dir.resolve(RunSpec.FILE_NAME))) {
            throw new SettingException("no checkpoint in " + dir + " (is it a run folder made by incept train?)");
        }
        try (FolderLock lock = FolderLock.acquire(dir)) {
            DurableFile.removeStale(dir);
        }
        throw new SettingException("the run in " + dir + " stopped before its first checkpoint was complete, so there is nothing to resume;"
                + " train it again into a new folder (its partial checkpoint was removed)");
    }

    private static List<EpochMetrics> start(Path dir, RunSpec spec, DataSource data, boolean resume, Options options,
                                            TrainingListener[] listeners) {
        // Everything that can be checked is, before the folder is touched: a refused run leaves nothing behind.
        Placement place = Placement.of(spec);
        boolean existed = Files.exists(dir);
        createFolder(dir);
        try (FolderLock lock = FolderLock.acquire(dir)) {
            DurableFile.removeStale(dir);
            return run(dir, spec, data, place, resume, options, listeners);
        } catch (RuntimeException e) {
            if (!existed && !Files.exists(dir.resolve(Checkpoint.FILE_NAME))) {
                deleteRunFolder(dir);
            }
            throw e;
        }
    }

    private static List<EpochMetrics> run(Path dir, RunSpec spec, DataSource data, Placement place, boolean resume, Options options,
                                          TrainingListener[] listeners) {
        Network net = spec.network();
        TrainConfig cfg = spec.config();
        PrintStream out = options.out();
        Path checkpoint = dir.resolve(Checkpoint.FILE_NAME);
        if (!resume) {
            Run.create(dir, spec);
        }
        FeatureShape in = net.input();
        out.printf(Locale.ROOT, "incept: training %s (%s) on %s: %d train / %d test images at %dx%dx%d, %s on %s (%s)%n",
                net.name(), spec.model(), data.name(), Math.min(cfg.trainLimit(), data.train().count()),
                Math.min(cfg.testLimit(), data.test().count()), in.height(), in.width(), in.channels(),
                place.engine().getEngineName(), place.device(), cfg.optimizer().kind().name().toLowerCase(Locale.ROOT));
        out.printf(Locale.ROOT, "incept: lr %s, label smoothing %s, clip %s, moving average %s%s, run folder %s%n",
                cfg.learningRate().describe(), cfg.labelSmoothing(), cfg.clipNorm() == 0 ? "off" : cfg.clipNorm(),
                cfg.emaDecay() == 0 ? "off" : cfg.emaDecay(),
                cfg.precision().reduced() ? ", " + cfg.precision().label() + " with loss scaling" : "", dir);
        long t0 = System.nanoTime();
        try (Trainer trainer = new Trainer(net, cfg, place.engine(), place.device())) {
            if (options.weights() != null) {
                Weights.LoadReport loaded = trainer.startFrom(options.weights());
                out.printf(Locale.ROOT, "incept: started from %s: %d tensors%s%s%n", options.weights(), loaded.tensors(),
                        loaded.classifierKept().isEmpty() ? "" : "; the classifier (" + String.join(", ", loaded.classifierKept())
                                + ") is for another class count and starts as initialised",
                        loaded.auxSkipped().isEmpty() ? "" : "; the file's " + loaded.auxSkipped().size()
                                + " aux-head tensors are left out (train with the aux heads to use them)");
            }
            if (cfg.freezeUntil() != null) {
                out.printf(Locale.ROOT, "incept: the blocks up to %s do not train%n", cfg.freezeUntil());
            }
            if (resume) {
                // The changed settings are stored only once the checkpoint has accepted them.
                trainer.listen(new TrainingListener() {
                    @Override
                    public void onResume(Path file, int epochsDone, List<EpochMetrics> earlier) {
                        Run.create(dir, spec);
                    }
                });
            }
            trainer.listen(ProgressBar.forTerminal(out)).listen(new MetricsFile(dir.resolve(options.metricsFormat().fileName())));
            java.util.Optional<String> noPlots = PlotsOnClassPath.missing();
            if (noPlots.isEmpty()) {
                trainer.listen(new CurvesFile(dir.resolve("curves.png"), net.name() + " on " + data.name()));
            } else {
                out.println("incept: curves.png is skipped (" + options.metricsFormat().fileName() + " has the figures): " + noPlots.get());
            }
            for (TrainingListener l : listeners) {
                trainer.listen(l);
            }
            if (resume) {
                Checkpoint.restore(trainer, checkpoint);
            }
            List<EpochMetrics> h = trainer.fit(data.train(), data.test(), Checkpoint.keeper(checkpoint));
            Evaluation last = h.get(h.size() - 1).test();
            double secs = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "incept: test accuracy %.2f%% (top-5 %.2f%%, ECE %.4f) after %d epochs; wall time %s; run folder %s%n",
                    100 * last.top1(), 100 * last.top5(), last.ece(), h.size(), ProgressBar.clock(secs), dir);
            return h;
        }
    }

    private static void createFolder(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StorageException("cannot use " + dir + " as the run folder: a file of that name is in the way", null);
        }
        try {
            Files.createDirectories(dir);
        } catch (AccessDeniedException e) {
            throw new StorageException("cannot create the run folder " + dir + ": permission denied on " + e.getFile(), e);
        } catch (FileAlreadyExistsException e) {
            throw new StorageException("cannot create the run folder " + dir + ": " + e.getFile() + " is a file", e);
        } catch (IOException e) {
            throw new StorageException("cannot create the run folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Removes a folder this run created and that holds no checkpoint: only incept's own files are in it. */
    private static void deleteRunFolder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // the error that stopped the run is what the user needs to read; an empty folder may remain
        }
    }
}
