package dev.incept.plot;

import dev.incept.metrics.EpochMetrics;
import dev.incept.metrics.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Redraws the training curves to a PNG (or SVG, by extension) after every epoch. */
public final class CurvesFile implements TrainingListener {
    private final Path file;
    private final String title;
    private final List<EpochMetrics> history = new ArrayList<>();

    public CurvesFile(Path file, String title) {
        this.file = file;
        this.title = title;
    }

    @Override
    public void onResume(Path checkpoint, int epochsDone, List<EpochMetrics> earlier) {
        history.clear();
        history.addAll(earlier);
    }

    @Override
    public void onEpochEnd(EpochMetrics m) {
        history.removeIf(r -> r.epoch() >= m.epoch());
        history.add(m);
        String svg = SvgImages.svg(Curves.spec(history, title), 800, 360);
        byte[] bytes = file.toString().endsWith(".svg") ? svg.getBytes(java.nio.charset.StandardCharsets.UTF_8) : SvgImages.png(svg);
        SvgImages.write(file, bytes);
    }
}
