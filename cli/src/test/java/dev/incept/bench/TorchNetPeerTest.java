package dev.incept.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incept.analysis.Analyzer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TorchNetPeerTest {
    private static boolean torch() throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import torch").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    @ParameterizedTest
    @ValueSource(strings = {"peer-torch-xception-mini", "peer-torch-inception-next-mini"})
    void thePlainTorchPeerTrainsTheInceptCasesOwnNetwork(String peer) throws Exception {
        assumeTrue(torch(), "Debian's python3-torch is not installed (scripts/setup/torch-peer)");
        JsonNode r = TorchNetPeer.run(peer, true, List.of("device=cpu"), Path.of("../bench/peers/torch_net_step.py"));
        String ours = TorchNetPeer.pairs().get(peer);
        var analysis = Analyzer.analyze(BenchCase.network(BenchCase.MODELS.get(ours)));
        // torch.nn's trainable tensors are incept's PyTorch-convention trainable parameters, one for one
        assertEquals(analysis.trainableParams(), r.path("params").asLong());
        assertEquals(analysis.macs(), r.path("macs").asLong());
        assertTrue(r.path("images_per_sec").asDouble() > 0, r.toString());
        assertEquals(peer, r.path("case").asText());
    }
}
