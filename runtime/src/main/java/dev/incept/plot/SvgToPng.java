package dev.incept.plot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java dev.incept.plot.SvgToPng A.svg B.svg ...} writes A.png, B.png beside them: for
 * scripts that give pictures already in notebooks the PNG every viewer can show (scripts/notebooks/pictures).
 */
public final class SvgToPng {
    private SvgToPng() {
    }

    public static void main(String[] args) throws IOException {
        for (String a : args) {
            Path svg = Path.of(a);
            String name = svg.getFileName().toString().replaceFirst("\\.svg$", "") + ".png";
            SvgImages.write(svg.resolveSibling(name), SvgImages.png(Files.readString(svg, StandardCharsets.UTF_8)));
        }
    }
}
