package dev.incept.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EngineOnClassPathTest {

    @ParameterizedTest
    @EnumSource(EngineChoice.class)
    void anEngineLeftOutIsNamedWithTheCoordinatesThatBringIt(EngineChoice choice) throws Exception {
        try (URLClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            String why = EngineOnClassPath.missing(choice, bare).orElseThrow();
            assertTrue(why.startsWith("the " + choice.djlName() + " engine is not on the class path"), why);
            assertTrue(why.contains(choice == EngineChoice.MXNET ? "ai.djl.mxnet:mxnet-engine" : "ai.djl.pytorch:pytorch-engine"), why);
        }
        assertEquals(Optional.empty(), EngineOnClassPath.missing(choice, getClass().getClassLoader()));
    }
}
