package dev.incept.metrics;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line terminal progress bar (loss, accuracy, images/s, ETA) redrawn in place with a
 * carriage return; when the output is not a terminal (CI logs, files) it prints a plain line at
 * every tenth of an epoch instead, so logs stay short.
 */
public final class ProgressBar implements TrainingListener {
    private static final int WIDTH = 24;
    private final PrintStream out;
    private final boolean inPlace;
    private int epochs;
    private int lastTenth = -1;
    private long lastDraw;
    private long epochStart;

    public ProgressBar(PrintStream out, boolean inPlace) {
        this.out = out;
        this.inPlace = inPlace;
    }

    /** Redraws in place when the JVM has a console. */
    public static ProgressBar forTerminal(PrintStream out) {
        return new ProgressBar(out, System.console() != null);
    }

    @Override
    public void onEpochStart(int epoch, int epochs, int steps) {
        this.epochs = epochs;
        this.lastTenth = -1;
        this.epochStart = System.nanoTime();
    }

    @Override
    public void onStep(int epoch, int step, int steps, double loss, double accuracy, double imagesPerSecond) {
        double done = (double) step / steps;
        double elapsed = (System.nanoTime() - epochStart) / 1e9;
        double remaining = step == 0 ? Double.NaN : elapsed * (steps - step) / step;
        String line = line(epoch, step, steps, loss, accuracy, imagesPerSecond, done, remaining);
        if (inPlace) {
            long now = System.nanoTime();
            if (step == steps || now - lastDraw > 100_000_000L) {
                out.print("\r" + line);
                out.flush();
                lastDraw = now;
            }
        } else {
            int tenth = (int) (done * 10);
            if (tenth > lastTenth) {
                lastTenth = tenth;
                out.println(line);
            }
        }
    }

    private String line(int epoch, int step, int steps, double loss, double acc, double ips, double done, double rem) {
        int filled = (int) Math.round(done * WIDTH);
        String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
        return String.format(Locale.ROOT, "epoch %d/%d [%s] %d/%d loss %.4f acc %.4f %.0f img/s eta %s",
                epoch, epochs, bar, step, steps, loss, acc, ips, clock(rem));
    }

    public static String clock(double seconds) {
        if (Double.isNaN(seconds)) {
            return "--:--";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    @Override
    public void onEpochEnd(EpochMetrics m) {
        if (inPlace) {
            out.println();
        }
        Evaluation t = m.test();
        out.printf(Locale.ROOT, "epoch %d: train loss %.4f acc %.4f | test loss %.4f top-1 %.4f top-5 %.4f ECE %.4f | %.0f img/s, %.1f s%n",
                m.epoch(), m.trainLoss(), m.trainAccuracy(), t.loss(), t.top1(), t.top5(), t.ece(), m.imagesPerSecond(), m.seconds());
    }
}
