package dev.incept.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdaptiveAveragePoolTest {

    /** Output cell (i, j)'s window {first row, end row, first column, end column}, by PyTorch's rule written out. */
    private static int[] window(int i, int j, int inH, int inW, int outH, int outW) {
        return new int[] {(int) Math.floor((double) i * inH / outH), (int) Math.ceil((double) (i + 1) * inH / outH),
            (int) Math.floor((double) j * inW / outW), (int) Math.ceil((double) (j + 1) * inW / outW)};
    }

    /** Output cell (i, j) is the mean of input rows floor(i*H/h)..ceil((i+1)*H/h)-1, columns alike: the definition, by loops. */
    private static float[] byDefinition(float[] x, int channels, int inH, int inW, int outH, int outW) {
        float[] out = new float[channels * outH * outW];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < outH; i++) {
                for (int j = 0; j < outW; j++) {
                    int[] win = window(i, j, inH, inW, outH, outW);
                    int r0 = win[0];
                    int r1 = win[1];
                    int c0 = win[2];
                    int c1 = win[3];
                    double sum = 0;
                    for (int r = r0; r < r1; r++) {
                        for (int q = c0; q < c1; q++) {
                            sum += x[(c * inH + r) * inW + q];
                        }
                    }
                    out[(c * outH + i) * outW + j] = (float) (sum / ((r1 - r0) * (c1 - c0)));
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}: {1}x{2} -> {3}x{4}")
    @CsvSource({"MXNET, 14, 14, 4, 4", "PYTORCH, 14, 14, 4, 4", "MXNET, 7, 5, 3, 2", "PYTORCH, 7, 5, 3, 2",
                "MXNET, 8, 8, 4, 4", "PYTORCH, 8, 8, 4, 4", "MXNET, 2, 2, 4, 4", "PYTORCH, 2, 2, 4, 4", "PYTORCH, 9, 9, 1, 1"})
    void cutsTheWindowsAsPyTorchDoesAndPassesGradientsBack(EngineChoice choice, int inH, int inW, int outH, int outW) {
        Engine engine = Engines.load(choice);
        int channels = 3;
        float[] x = new float[2 * channels * inH * inW];
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) Math.sin(k * 0.37) * 3;
        }
        try (NDManager m = engine.newBaseManager()) {
            NDArray in = m.create(x, new Shape(2, channels, inH, inW));
            in.setRequiresGradient(true);
            NDArray out;
            try (GradientCollector g = engine.newGradientCollector()) {
                out = AdaptiveAveragePool.apply(in, inH, inW, outH, outW);
                g.backward(out.sum());
            }
            assertEquals(new Shape(2, channels, outH, outW), out.getShape());
            float[] expected = new float[2 * channels * outH * outW];
            for (int b = 0; b < 2; b++) {
                float[] one = java.util.Arrays.copyOfRange(x, b * channels * inH * inW, (b + 1) * channels * inH * inW);
                System.arraycopy(byDefinition(one, channels, inH, inW, outH, outW), 0, expected, b * channels * outH * outW, channels * outH * outW);
            }
            assertArrayEquals(expected, out.toFloatArray(), 1e-5f);
            // d(sum of outputs)/d(input cell) = the sum over the windows holding the cell of 1/window size.
            float[] grad = in.getGradient().toFloatArray();
            for (int r = 0; r < inH; r++) {
                for (int q = 0; q < inW; q++) {
                    double want = 0;
                    for (int i = 0; i < outH; i++) {
                        for (int j = 0; j < outW; j++) {
                            int[] win = window(i, j, inH, inW, outH, outW);
                            if (r >= win[0] && r < win[1] && q >= win[2] && q < win[3]) {
                                want += 1.0 / ((win[1] - win[0]) * (win[3] - win[2]));
                            }
                        }
                    }
                    assertEquals(want, grad[r * inW + q], 1e-5, "gradient at " + r + "," + q);
                }
            }
        }
    }
}
