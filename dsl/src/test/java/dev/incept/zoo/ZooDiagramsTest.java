package dev.incept.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.incept.analysis.Analyzer;
import dev.incept.analysis.Convention;
import dev.incept.diagram.ArchitectureDiagram;
import dev.incept.spec.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's zoo table links the diagrams in docs/zoo/, made by
 * {@code ./incept summary MODEL --format svg} (the minis with {@code --channels 1 --classes 10}):
 * each must still be what the zoo's description draws.
 */
class ZooDiagramsTest {
    private static final Map<String, Integer> CHANNELS = Map.of("xception-mini", 1, "inception-next-mini", 1);

    @ParameterizedTest
    @ValueSource(strings = {"googlenet-paper", "xception", "xception-mini", "inception-next-tiny", "inception-next-mini"})
    void theCommittedDiagramIsWhatTheDescriptionDraws(String name) throws Exception {
        Zoo.Model model = Zoo.get(name);
        boolean mini = CHANNELS.containsKey(name);
        Network net = model.build(new ModelConfig(mini ? 10 : 1000, mini ? 1 : 3, model.defaultInput(), false, true));
        String svg = ArchitectureDiagram.svg(net, Analyzer.analyze(net, net.input(), Convention.PYTORCH, !net.auxHeads().isEmpty()));
        Path file = Path.of("..", "docs", "zoo", name + ".svg");
        assertEquals(Files.readString(file), svg, file + " is stale: run ./incept summary " + name
                + (mini ? " --channels 1 --classes 10" : "") + " --format svg > docs/zoo/" + name + ".svg");
    }
}
