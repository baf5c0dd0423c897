package dev.incept.cli;

import dev.incept.command.UsageException;

import dev.incept.data.DataSource;
import dev.incept.run.DataSpec;
import dev.incept.run.MetricsFormat;
import dev.incept.run.RunFolder;
import dev.incept.run.RunSpec;
import dev.incept.run.TrainOption;
import dev.incept.run.TrainSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** incept train: the command line's words made a {@link RunSpec}, trained through {@link RunFolder}. */
final class TrainCommand {
    static final String USAGE = "usage: incept train [MODEL | --spec FILE.json] [options]\n"
            + "       incept train --resume RUN_DIR [options to change, e.g. --epochs]\n"
            + "  MODEL                       a zoo model (default " + TrainSettings.DEFAULT_MODEL + ")\n"
            + TrainWords.usage();

    private TrainCommand() {
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        TrainSettings s = TrainWords.parse(argv);
        if (s.has(TrainOption.RESUME)) {
            return resume(s, out);
        }
        String base = s.has(TrainOption.SPEC) ? Path.of(s.get(TrainOption.SPEC, null)).getFileName().toString().replace(".json", "")
                : s.get(TrainOption.MODEL, TrainSettings.DEFAULT_MODEL);
        Path runDir = Path.of(s.get(TrainOption.OUT, "runs/" + base + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        if (Files.exists(runDir.resolve(dev.incept.run.Checkpoint.FILE_NAME))) {
            throw new UsageException(runDir + " already holds a run; use --resume " + runDir + " to continue it, or another --out");
        }
        RunFolder.Options options = RunFolder.Options.to(out).withMetrics(s.metricsFormat(MetricsFormat.CSV)).startingFrom(s.weights());
        DataSpec data = s.dataSpec();
        DataSource opened = data.open();
        RunFolder.train(s.spec(opened), opened, runDir, options);
        return 0;
    }

    private static int resume(TrainSettings s, PrintStream out) {
        if (s.has(TrainOption.OUT)) {
            throw new UsageException("--out cannot move a run: --resume continues it in its own folder");
        }
        List<String> resumable = new ArrayList<>();
        for (TrainOption o : TrainOption.values()) {
            if (o.changesOnResume() && o != TrainOption.RESUME) {
                resumable.add("--" + o.key());
            }
        }
        for (TrainOption o : s.values().keySet()) {
            if (o == TrainOption.MODEL) {
                throw new UsageException("--resume continues the run's own network; [" + s.get(o, null) + "] cannot replace it");
            }
            if (!o.changesOnResume()) {
                throw new UsageException("--" + o.key() + " cannot change on --resume: the run keeps what its run.json says; "
                        + "a resume may change " + String.join(", ", resumable));
            }
        }
        Path runDir = Path.of(s.get(TrainOption.RESUME, null));
        RunFolder.requireCheckpoint(runDir);
        MetricsFormat format = s.metricsFormat(Files.exists(runDir.resolve(MetricsFormat.JSONL.fileName())) ? MetricsFormat.JSONL : MetricsFormat.CSV);
        RunFolder.Changes changes = new RunFolder.Changes(s.positiveInt(TrainOption.EPOCHS),
                s.has(TrainOption.ENGINE) ? s.engine() : null,
                s.has(TrainOption.DEVICE) ? s.device() : null);
        RunFolder.resume(runDir, changes, RunFolder.Options.to(out).withMetrics(format));
        return 0;
    }
}
