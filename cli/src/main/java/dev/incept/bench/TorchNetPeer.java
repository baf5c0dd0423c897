package dev.incept.bench;

import dev.incept.command.UsageException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incept.analysis.Analyzer;
import dev.incept.json.SpecJson;
import dev.incept.spec.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bench's plain-PyTorch cases: the incept case's own network written as JSON and rebuilt from
 * torch.nn modules by bench/peers/torch_net_step.py (Debian's python3-torch), timing the same
 * training step with the thread count incept's engines use. The network's multiply-adds come from
 * the DSL, so the report gives the peer's achieved GFLOP/s too.
 */
final class TorchNetPeer {
    /** A peer case and the incept case whose network it times. */
    private static final Map<String, String> PEERS = Map.of(
            "peer-torch-xception-mini", "xception-mini",
            "peer-torch-inception-next-mini", "inception-next-mini");

    private TorchNetPeer() {
    }

    static boolean is(String name) {
        return PEERS.containsKey(name);
    }

    /** The incept case a peer runs beside, for the report's ratios. */
    static Map<String, String> pairs() {
        return PEERS;
    }

    static JsonNode run(String name, boolean quick, List<String> extra) {
        return run(name, quick, extra, Path.of("bench/peers/torch_net_step.py"));
    }

    static JsonNode run(String name, boolean quick, List<String> extra, Path script) {
        BenchCase.Model model = BenchCase.MODELS.get(PEERS.get(name));
        Network net = BenchCase.network(model);
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("bench case " + name + ": " + script + " not found (run incept bench from the project's folder)");
        }
        int batch = quick ? 4 : model.batch();
        List<String> cmd = new ArrayList<>(List.of(System.getenv().getOrDefault("INCEPT_PEER_PYTHON", "/usr/bin/python3"), script.toString(),
                "--case", name, "--classes", Integer.toString(model.classes()), "--warmup", quick ? "1" : "3", "--steps", quick ? "2" : "8",
                "--threads", Integer.toString(TorchvisionPeer.threads())));
        for (String option : extra) {
            if (option.startsWith("batch=")) {
                batch = Integer.parseInt(option.substring("batch=".length()));
            } else if (option.equals("optimizer=rmsprop")) {
                cmd.add("--rmsprop");
            } else if (option.equals("device=gpu")) {
                throw new UsageException("bench case " + name + " runs on the CPU only");
            }
        }
        cmd.addAll(List.of("--batch", Integer.toString(batch)));
        Path spec = null;
        try {
            spec = Files.createTempFile("incept-bench-", ".json");
            Files.writeString(spec, SpecJson.write(net));
            cmd.addAll(List.of("--spec", spec.toString()));
            ObjectNode r = (ObjectNode) PeerProcess.run(name, cmd, "Debian's python3-torch is missing: scripts/setup/torch-peer");
            r.put("macs", Analyzer.analyze(net).macs());
            return r;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the network for bench case " + name + ": " + e.getMessage(), e);
        } finally {
            if (spec != null) {
                try {
                    Files.deleteIfExists(spec);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
