package dev.incept.plot;

import dev.incept.storage.DurableFile;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;
import org.jetbrains.letsPlot.awt.plot.PlotSvgExport;
import org.jetbrains.letsPlot.commons.geometry.DoubleVector;

/**
 * Renders a Lets-Plot specification to SVG in-process (no browser, no CDN) and SVG to PNG with
 * Batik, headless. The specification is Lets-Plot's own map form, so Java code needs no Kotlin DSL.
 */
public final class SvgImages {
    private SvgImages() {
    }

    public static String svg(Map<String, Object> plotSpec, double width, double height) {
        return PlotSvgExport.INSTANCE.buildSvgImageFromRawSpecs(plotSpec, new DoubleVector(width, height), false);
    }

    public static byte[] png(String svg) {
        System.setProperty("java.awt.headless", "true");
        PNGTranscoder t = new PNGTranscoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            t.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput(out));
        } catch (TranscoderException e) {
            throw new IllegalStateException("cannot render the plot to PNG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Whole or not at all ({@link DurableFile}), so a reader never sees half an image. */
    public static void write(Path file, byte[] bytes) {
        DurableFile.write(file, bytes);
    }
}
