package dev.incept.plot;

/**
 * Plots are optional for users of incept-runtime (Lets-Plot and Batik are optional dependencies):
 * a plot asked for without them gets one line naming the coordinates, not a NoClassDefFoundError.
 */
public final class PlotsOnClassPath {
    private static final String[][] NEEDED = {
        {"org.jetbrains.letsPlot.awt.plot.PlotSvgExport", "org.jetbrains.lets-plot:platf-awt-jvm:4.1.0 and lets-plot-common:4.1.0"},
        {"org.apache.batik.transcoder.image.PNGTranscoder", "org.apache.xmlgraphics:batik-transcoder:1.17 and batik-codec:1.17"},
    };

    private PlotsOnClassPath() {
    }

    /** Throws, naming what to add, unless the classes of the plotting stack load through {@code loader}. */
    static void require(ClassLoader loader) {
        missing(loader).ifPresent(m -> {
            throw new IllegalStateException(m);
        });
    }

    /**
     * Why no plot can be drawn here, or empty when one can: the plotting stack's classes must load,
     * and the Java runtime must have java.desktop (the GPU bundle's minimal one has not).
     */
    public static java.util.Optional<String> missing() {
        return missing(PlotsOnClassPath.class.getClassLoader());
    }

    private static java.util.Optional<String> missing(ClassLoader loader) {
        if (ModuleLayer.boot().findModule("java.desktop").isEmpty()) {
            return java.util.Optional.of("this Java runtime has no java.desktop module, which drawing needs");
        }
        for (String[] n : NEEDED) {
            try {
                Class.forName(n[0], false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return java.util.Optional.of("plots need " + n[1] + " on the class path (docs/dsl.md, \"As a dependency\")");
            }
        }
        return java.util.Optional.empty();
    }
}
