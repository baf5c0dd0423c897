package dev.incept.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bench's torchvision cases: bench/peers/torchvision_step.py under Debian's Python, whose
 * python3-torch and python3-torchvision scripts/setup/torch-peer installs, timing the same
 * training step as the incept case beside it, with the thread count incept's engines use.
 */
final class TorchvisionPeer {
    /** A peer case: torchvision's model, input size, batch and class count. */
    private record Peer(String model, int size, int batch, int classes, boolean channelsLast) {
    }

    // -cl: torchvision in channels-last memory order, its fastest CPU path (incept's PyTorch path runs so).
    private static final Map<String, Peer> PEERS = Map.of(
            "peer-torchvision-v3", new Peer("inception_v3", 299, 8, 1000, false),
            "peer-torchvision-v3-cl", new Peer("inception_v3", 299, 8, 1000, true),
            "peer-torchvision-v3-139", new Peer("inception_v3", 139, 32, 1000, false),
            "peer-torchvision-googlenet", new Peer("googlenet", 96, 128, 10, false));

    private TorchvisionPeer() {
    }

    static boolean is(String name) {
        return PEERS.containsKey(name);
    }

    /** Runs one case; {@code extra} holds the bench-case options (device=, batch=, optimizer=). */
    static JsonNode run(String name, boolean quick, List<String> extra) {
        Peer peer = PEERS.get(name);
        Path script = Path.of(System.getenv().getOrDefault("INCEPT_TORCH_PEER_SCRIPT", "bench/peers/torchvision_step.py"));
        String python = System.getenv().getOrDefault("INCEPT_PEER_PYTHON", "/usr/bin/python3");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("bench case " + name + ": " + script + " not found (run incept bench from the project's folder)");
        }
        int batch = quick ? Math.min(peer.batch(), 4) : peer.batch();
        List<String> cmd = new ArrayList<>(List.of(python, script.toString(), "--case", name, "--model", peer.model(),
                "--classes", Integer.toString(peer.classes()), "--size", Integer.toString(quick ? Math.min(peer.size(), 96) : peer.size()),
                "--warmup", quick ? "1" : "3", "--steps", quick ? "2" : "8", "--threads", Integer.toString(threads())));
        if (peer.channelsLast()) {
            cmd.add("--channels-last");
        }
        for (String option : extra) {
            if (option.startsWith("batch=")) {
                batch = Integer.parseInt(option.substring("batch=".length()));
            } else if (option.equals("optimizer=rmsprop")) {
                cmd.add("--rmsprop");
            }
        }
        cmd.addAll(List.of("--batch", Integer.toString(batch), "--device", extra.contains("device=gpu") ? "cuda" : "cpu"));
        return PeerProcess.run(name, cmd, "Debian's python3-torchvision is missing: scripts/setup/torch-peer");
    }

    /** incept's engines run OMP_NUM_THREADS threads, every core unless it is set (engine.CpuThreads). */
    static int threads() {
        String set = System.getenv("OMP_NUM_THREADS");
        try {
            return set == null || set.isBlank() ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(set.trim());
        } catch (NumberFormatException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }
}
