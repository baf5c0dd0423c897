package dev.incept.plot;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;

/** SVG to PNG with Batik, headless. */
final class BatikPng {
    private BatikPng() {
    }

    static byte[] render(String svg) {
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
}
