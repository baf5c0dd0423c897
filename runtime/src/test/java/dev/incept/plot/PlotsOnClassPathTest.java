package dev.incept.plot;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class PlotsOnClassPathTest {

    @Test
    void withoutLetsPlotAPlotNamesTheCoordinatesToAdd() throws Exception {
        try (URLClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> PlotsOnClassPath.require(bare));
            assertTrue(e.getMessage().contains("org.jetbrains.lets-plot:platf-awt-jvm"), e.getMessage());
        }
    }

    @Test
    void withThePlottingStackPresentNothingIsSaid() {
        assertDoesNotThrow(() -> PlotsOnClassPath.require(getClass().getClassLoader()));
    }
}
