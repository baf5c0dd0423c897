package dev.incept.metrics;

import dev.incept.storage.DurableFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-epoch metrics as CSV ({@code .csv}) or JSON lines (anything else). The whole file is
 * rewritten after every epoch from the run's history, so a resumed run's file lists every epoch
 * once, including those before the interruption.
 */
public final class MetricsFile implements TrainingListener {
    private final Path file;
    private final boolean csv;
    private final List<EpochMetrics> rows = new ArrayList<>();

    public MetricsFile(Path file) {
        this.file = file;
        this.csv = file.getFileName().toString().endsWith(".csv");
    }

    @Override
    public void onResume(Path checkpoint, int epochsDone, List<EpochMetrics> earlier) {
        rows.clear();
        rows.addAll(earlier);
    }

    public Path file() {
        return file;
    }

    @Override
    public void onEpochEnd(EpochMetrics m) {
        rows.removeIf(r -> r.epoch() >= m.epoch());
        rows.add(m);
        StringBuilder sb = new StringBuilder();
        if (csv) {
            sb.append(MetricsJson.csvHeader()).append('\n');
        }
        for (EpochMetrics r : rows) {
            sb.append(csv ? MetricsJson.csvRow(r) : MetricsJson.write(r).toString()).append('\n');
        }
        DurableFile.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
