package dev.incept.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;

/** Runs an ONNX model's bytes in ONNX Runtime (CPU) on one batch and returns its logits. */
final class OnnxRuntimeLogits {
    private OnnxRuntimeLogits() {
    }

    static float[] run(byte[] model, float[] pixels, long[] shape) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // The graph as written, so that what is compared is our export, not the runtime's rewrites of it.
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            try (OrtSession session = env.createSession(model, options);
                 OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(pixels), shape);
                 OrtSession.Result result = session.run(Map.of(Onnx.INPUT, input))) {
                FloatBuffer out = ((OnnxTensor) result.get(Onnx.OUTPUT).orElseThrow()).getFloatBuffer();
                float[] logits = new float[out.remaining()];
                out.get(logits);
                return logits;
            }
        } catch (OrtException e) {
            throw new AssertionError("ONNX Runtime refused the model: " + e.getMessage(), e);
        }
    }

    /** max |a - b| divided by max |b|: the difference relative to the logits' scale. */
    static double relativeDifference(float[] a, float[] b) {
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return diff / Math.max(scale, 1e-12);
    }
}
