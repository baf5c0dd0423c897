package dev.incept.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.incept.data.FashionMnist;
import java.nio.file.Files;

/** For tests that train on the real Fashion-MNIST, which scripts/setup/data installs: skipped, and said so, without it. */
final class RealData {
    private RealData() {
    }

    static void assumeFashionMnist() {
        assumeTrue(Files.isDirectory(FashionMnist.defaultDir()),
                "Fashion-MNIST is not installed at " + FashionMnist.defaultDir() + " (scripts/setup/data installs it)");
    }
}
