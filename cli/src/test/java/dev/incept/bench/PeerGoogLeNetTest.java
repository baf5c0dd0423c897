package dev.incept.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.basicmodelzoo.cv.classification.GoogLeNet;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incept.analysis.Analysis;
import dev.incept.analysis.Analyzer;
import dev.incept.compile.Compiler;
import dev.incept.compile.ParameterCount;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.zoo.ModelConfig;
import dev.incept.zoo.Zoo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeerGoogLeNetTest {

    @Test
    void theDslGoogLeNetIsDjlsModelZooGoogLeNetParameterForParameter() {
        var net = Zoo.get("googlenet-d2l").build(new ModelConfig(10, 1, 96, false, true));
        Analysis a = Analyzer.analyze(net);
        assertEquals(276_066_304L, a.macs(), "d2l's GoogLeNet at 1x96x96: 276.07 M multiply-adds");
        try (NDManager m = Engines.load(EngineChoice.MXNET).newBaseManager()) {
            Block peer = GoogLeNet.builder().setOutSize(10).build();
            Shape in = new Shape(2, 1, 96, 96);
            peer.initialize(m, DataType.FLOAT32, in);
            Block ours = Compiler.compile(net);
            ours.initialize(m, DataType.FLOAT32, in);
            assertEquals(ParameterCount.trainable(peer), ParameterCount.trainable(ours));
            assertEquals(a.trainableParams(), ParameterCount.trainable(peer));
            assertEquals(peer.getOutputShapes(new Shape[] {in})[0], ours.getOutputShapes(new Shape[] {in})[0]);
        }
    }

    @Test
    void theHandWrittenInceptionV3IsTheDslsInceptionV3ParameterForParameter() {
        var net = Zoo.get("inception-v3").build(ModelConfig.imagenet(299));
        try (NDManager m = Engines.load(EngineChoice.MXNET).newBaseManager()) {
            Block hand = dev.incept.peers.HandWrittenInceptionV3.build(1000);
            Shape in = new Shape(2, 3, 299, 299);
            hand.initialize(m, DataType.FLOAT32, in);
            assertEquals(23_834_568L, ParameterCount.trainable(hand));
            assertEquals(Analyzer.analyze(net).trainableParams(), ParameterCount.trainable(hand));
            assertEquals(new Shape(2, 1000), hand.getOutputShapes(new Shape[] {in})[0]);
        }
    }

    @Test
    void theBenchReportStatesTheRatiosFromItsResults() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> r = new ArrayList<>();
        r.add(json.readTree("{\"case\":\"matmul\",\"engine\":\"PyTorch\",\"gflops\":200.0,\"n\":2048,\"peak_rss_mb\":100}"));
        r.add(json.readTree("{\"case\":\"peer-djl-googlenet\",\"engine\":\"PyTorch\",\"batch\":128,\"input\":96,\"macs\":276066304,"
                + "\"ms_per_step\":1000.0,\"images_per_sec\":100.0,\"peak_rss_mb\":900}"));
        r.add(json.readTree("{\"case\":\"googlenet-d2l\",\"engine\":\"PyTorch\",\"batch\":128,\"input\":96,\"macs\":276066304,"
                + "\"ms_per_step\":800.0,\"images_per_sec\":125.0,\"peak_rss_mb\":800}"));
        r.add(json.readTree("{\"case\":\"peer-djl-googlenet-glibc\",\"engine\":\"PyTorch\",\"batch\":128,\"input\":96,\"macs\":276066304,"
                + "\"ms_per_step\":1280.0,\"images_per_sec\":80.0,\"peak_rss_mb\":900}"));
        String report = BenchReport.render(r, "test machine", "./incept bench");
        assertTrue(report.contains("DSL-compiled GoogLeNet / DJL's model-zoo GoogLeNet = 1.25x"), report);
        assertTrue(report.contains("as incept runs it / DJL's GoogLeNet with glibc's allocator defaults = 1.56x"), report);
        // 3 x 276.07 M x 2 x 125 img/s = 207.0 GFLOP/s, 104% of the 200 GFLOP/s matmul
        assertTrue(report.contains("| 207.0 | 104% |"), report);
    }

    @Test
    void repeatedRunsFoldIntoTheirMedianWithTheSpreadShown() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> runs = new ArrayList<>();
        for (double ips : new double[] {40.0, 44.0, 41.0}) {
            runs.add(json.readTree("{\"case\":\"googlenet-d2l\",\"engine\":\"MXNet\",\"batch\":128,\"input\":96,\"macs\":276066304,"
                    + "\"ms_per_step\":" + 128_000 / ips + ",\"images_per_sec\":" + ips + ",\"peak_rss_mb\":" + (int) ips * 10 + "}"));
        }
        List<JsonNode> folded = BenchRepeats.combine(runs);
        assertEquals(1, folded.size());
        assertEquals(41.0, folded.get(0).path("images_per_sec").asDouble(), 1e-9);
        assertEquals(440, folded.get(0).path("peak_rss_mb").asLong());
        String report = BenchReport.render(folded, "test machine", "./incept bench --repeat 3");
        assertTrue(report.contains("| 41.0 (40.0-44.0, 3 runs) |"), report);
    }

    @Test
    void aGpuResultIsLabelledWithItsDevice() throws Exception {
        JsonNode r = new ObjectMapper().readTree("{\"case\":\"inception-v3\",\"engine\":\"PyTorch\",\"device\":\"gpu(0)\","
                + "\"batch\":64,\"input\":299,\"macs\":5713216096,\"ms_per_step\":148.1,\"images_per_sec\":432.1,\"peak_rss_mb\":2533}");
        String report = BenchReport.render(List.of(r), "test machine", "./incept bench --device gpu");
        assertTrue(report.contains("| inception-v3 | PyTorch on gpu(0) | 64 x 299 | 432.1 | 148.1 |"), report);
    }
}
