package dev.incept.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.zoo.ModelConfig;
import dev.incept.zoo.Zoo;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ArchitectureDiagramTest {

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyZooModelDrawsAsWellFormedSvgWithItsBlocksAndShapes() throws Exception {
        for (Zoo.Model m : Zoo.models()) {
            String svg = ArchitectureDiagram.svg(m.build(m.defaults()));
            assertEquals("svg", parse(svg).getDocumentElement().getTagName(), m.name());
        }
        String v3 = ArchitectureDiagram.svg(Zoo.get("inception-v3").build(ModelConfig.imagenet(299)));
        for (String expected : new String[] {"input 299x299x3", "mixed0: concat", "mixed10: concat", "35x35x288", "17x17x768",
                "8x8x2048", "conv 1x7 · 128", "conv 7x1 · 192", "dense · 1000"}) {
            assertTrue(v3.contains(expected), expected);
        }
    }

    @Test
    void residualShortcutsAndRepeatCountsAreDrawn() {
        String svg = ArchitectureDiagram.svg(Zoo.get("inception-resnet-v2").build(ModelConfig.imagenet(299)));
        assertTrue(svg.contains("block35 x 10") && svg.contains("block17 x 20") && svg.contains("block8 x 9"), "repeat counts");
        assertTrue(svg.contains("shortcut") && svg.contains("+ x0.17 (1x1 projection), relu"), "scaled residual sum");
    }
}
