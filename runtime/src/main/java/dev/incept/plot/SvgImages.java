package dev.incept.plot;

import dev.incept.storage.DurableFile;
import java.nio.file.Path;
import java.util.Map;

/**
 * Renders a Lets-Plot specification to SVG in-process (no browser, no CDN) and SVG to PNG with
 * Batik, headless. The specification is Lets-Plot's own map form, so Java code needs no Kotlin DSL.
 * The two libraries are touched only in {@link LetsPlotSvg} and {@link BatikPng}, loaded after the
 * check that they are present, since both are optional for users of incept-runtime.
 */
public final class SvgImages {
    private SvgImages() {
    }

    public static String svg(Map<String, Object> plotSpec, double width, double height) {
        PlotsOnClassPath.require(SvgImages.class.getClassLoader());
        return LetsPlotSvg.render(plotSpec, width, height);
    }

    public static byte[] png(String svg) {
        PlotsOnClassPath.require(SvgImages.class.getClassLoader());
        return BatikPng.render(svg);
    }

    /** Whole or not at all ({@link DurableFile}), so a reader never sees half an image. */
    public static void write(Path file, byte[] bytes) {
        DurableFile.write(file, bytes);
    }
}
