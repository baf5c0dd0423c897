package dev.incept.plot;

import java.util.Map;
import org.jetbrains.letsPlot.awt.plot.PlotSvgExport;
import org.jetbrains.letsPlot.commons.geometry.DoubleVector;

/** Lets-Plot's own SVG export of a specification map. */
final class LetsPlotSvg {
    private LetsPlotSvg() {
    }

    static String render(Map<String, Object> plotSpec, double width, double height) {
        return PlotSvgExport.INSTANCE.buildSvgImageFromRawSpecs(plotSpec, new DoubleVector(width, height), false);
    }
}
