package dev.incept.sweep;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster on 127.0.0.1 (one master, one worker with the given cores), each a JVM of
 * its own started from the Maven jars of this test's class path. The worker's executors take their
 * class path from SPARK_HOME/jars, which here holds links to those jars and this module's classes
 * packed as jars, as a Spark distribution with incept installed would.
 */
final class StandaloneCluster implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();
    final String master;

    private StandaloneCluster(String master) {
        this.master = master;
    }

    static StandaloneCluster start(Path dir, int cores) throws IOException, InterruptedException {
        Path home = dir.resolve("spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        Files.createFile(home.resolve("RELEASE"));
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            if (Files.isDirectory(p)) {
                pack(p, jars.resolve("classes-" + (n++) + ".jar"));
            } else if (Files.isRegularFile(p) && !Files.exists(jars.resolve(p.getFileName()))) {
                Files.createSymbolicLink(jars.resolve(p.getFileName()), p);
            }
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        StandaloneCluster c = new StandaloneCluster("spark://127.0.0.1:" + port);
        try {
            c.launch(home, dir.resolve("master.log"), "org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", "0");
            waitFor(dir.resolve("master.log"), "I have been elected leader");
            c.launch(home, dir.resolve("worker.log"), "org.apache.spark.deploy.worker.Worker",
                    "--host", "127.0.0.1", "--cores", String.valueOf(cores), "--memory", "3g", "--webui-port", "0",
                    "--work-dir", dir.resolve("work").toString(), c.master);
            waitFor(dir.resolve("worker.log"), "Successfully registered with master");
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void launch(Path home, Path log, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // the JDK packages Spark opens on Java 17, as this test's JVM got them
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("--add-opens")).forEach(cmd::add);
        cmd.addAll(List.of("-cp", home.resolve("jars") + "/*", main));
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().put("SPARK_HOME", home.toString());
        // read by the worker to lay out its executors' class path (a distribution says it in its scripts)
        b.environment().put("SPARK_SCALA_VERSION", "2.13");
        b.environment().put("DJL_OFFLINE", "true");
        processes.add(b.start());
    }

    private static void waitFor(Path log, String line) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the Spark cluster did not start (no '" + line + "' in " + log + "): "
                + (Files.exists(log) ? Files.readString(log).lines().reduce("", (a, b) -> b) : "no log"));
    }

    private static void pack(Path classes, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
