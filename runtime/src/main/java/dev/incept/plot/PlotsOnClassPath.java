package dev.incept.plot;

/**
 * Plots are optional for users of incept-runtime (Lets-Plot and Batik are optional dependencies):
 * a plot asked for without them gets one line naming the coordinates, not a NoClassDefFoundError.
 */
final class PlotsOnClassPath {
    private static final String[][] NEEDED = {
        {"org.jetbrains.letsPlot.awt.plot.PlotSvgExport", "org.jetbrains.lets-plot:platf-awt-jvm:4.1.0 and lets-plot-common:4.1.0"},
        {"org.apache.batik.transcoder.image.PNGTranscoder", "org.apache.xmlgraphics:batik-transcoder:1.17 and batik-codec:1.17"},
    };

    private PlotsOnClassPath() {
    }

    /** Throws, naming what to add, unless the classes of the plotting stack load through {@code loader}. */
    static void require(ClassLoader loader) {
        for (String[] n : NEEDED) {
            try {
                Class.forName(n[0], false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("plots need " + n[1] + " on the class path (README, \"As a dependency\")");
            }
        }
    }
}
