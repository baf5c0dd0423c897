package dev.incept.cli;

import dev.incept.command.UsageException;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the executors of a cluster are sent for a sweep: the command line's jar, every jar it runs
 * with (cli/target/lib, as the launcher's class path has them) and the sweep module's jar. Spark
 * itself is the cluster's.
 */
final class ExecutorJars {
    private ExecutorJars() {
    }

    static List<String> list() {
        List<String> jars = new ArrayList<>();
        try {
            addModule(jars, Main.class, "incept-cli-", true);
            addModule(jars, dev.incept.sweep.SweepCommand.class, "incept-sweep-", false);
        } catch (IOException | URISyntaxException e) {
            throw new UsageException("cannot list incept's jars to ship to the executors: " + e.getMessage());
        }
        return jars;
    }

    /** A module's own jar (next to its classes when run from a build) and, with {@code lib}, the jars copied beside it. */
    private static void addModule(List<String> jars, Class<?> member, String prefix, boolean lib) throws IOException, URISyntaxException {
        Path classes = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isDirectory(classes)) {
            jars.add(classes.toString());
            return;
        }
        Path target = classes.getParent();
        try (Stream<Path> files = Files.list(target)) {
            files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".jar")).sorted().forEach(f -> jars.add(f.toString()));
        }
        if (lib && Files.isDirectory(target.resolve("lib"))) {
            try (Stream<Path> files = Files.list(target.resolve("lib"))) {
                files.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(f -> jars.add(f.toString()));
            }
        }
    }
}
