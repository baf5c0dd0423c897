package dev.incept.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * A sweep folder on a Hadoop file system, mirrored in a temporary local folder of this JVM. A
 * file is sent under a temporary name and renamed into place, so that a reader on another machine
 * sees either the old file or the new one, never half of one.
 */
final class HadoopWorkspace implements Workspace {
    private final FileSystem fs;
    private final org.apache.hadoop.fs.Path remote;
    private final Path root;
    /** What was last sent of each local file (its size and modification time), so that an unchanged file is not sent again. */
    private final Map<Path, String> sent = new java.util.concurrent.ConcurrentHashMap<>();
    /** What was last fetched of each remote file (its length and modification time): the driver fetches the states every 2 seconds. */
    private final Map<String, String> fetched = new java.util.concurrent.ConcurrentHashMap<>();

    HadoopWorkspace(URI location, Map<String, String> hadoopConf) throws IOException {
        String text = location.toString();
        URI base = URI.create(text.endsWith("/") ? text : text + "/");
        Configuration conf = new Configuration();
        hadoopConf.forEach(conf::set);
        try {
            this.fs = FileSystem.newInstance(base, conf);
        } catch (IOException | RuntimeException e) {
            Throwable missing = e;
            while (missing != null && !(missing instanceof ClassNotFoundException)) {
                missing = missing.getCause();
            }
            String why = missing == null ? e.getMessage()
                    // Hadoop knows s3a://, gs://, abfs://... by name, but their clients come in jars of their own (hadoop-aws, ...)
                    : "its client is not on the class path: " + missing.getMessage().replaceFirst("^Class (\\S+) not found$", "$1");
            throw new IOException("no Hadoop file system for " + location + " (" + why + ")", e);
        }
        this.remote = new org.apache.hadoop.fs.Path(base);
        // the local checksum file system would leave .crc files beside every file in a file:// folder
        fs.setWriteChecksum(false);
        fs.setVerifyChecksum(false);
        fs.mkdirs(remote);
        this.root = Files.createTempDirectory("incept-sweep-");
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public void pull(String relative) throws IOException {
        org.apache.hadoop.fs.Path from = remote(relative);
        if (fs.exists(from)) {
            pull(fs.getFileStatus(from), root.resolve(relative));
        }
    }

    private void pull(FileStatus from, Path to) throws IOException {
        if (from.isDirectory()) {
            Files.createDirectories(to);
            for (FileStatus child : fs.listStatus(from.getPath())) {
                pull(child, to.resolve(child.getPath().getName()));
            }
            return;
        }
        String remoteVersion = from.getLen() + "@" + from.getModificationTime();
        if (remoteVersion.equals(fetched.get(from.getPath().toString())) && Files.exists(to)) {
            return;
        }
        Files.createDirectories(to.getParent());
        Path part = to.resolveSibling(to.getFileName() + ".part");
        try (InputStream in = fs.open(from.getPath())) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(part, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        sent.put(to, version(to));
        fetched.put(from.getPath().toString(), remoteVersion);
    }

    @Override
    public void push(String relative) throws IOException {
        Path from = root.resolve(relative);
        if (Files.isDirectory(from)) {
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    send(f, remote(root.relativize(f).toString()));
                }
            }
        } else if (Files.isRegularFile(from)) {
            send(from, remote(relative));
        }
    }

    private void send(Path from, org.apache.hadoop.fs.Path to) throws IOException {
        String name = from.getFileName().toString();
        if (name.startsWith(".") || name.endsWith(".part") || name.endsWith(".tmp")) {
            // a file still being written here (its finished version goes on the next push), or a run's lock
            return;
        }
        String version;
        try {
            version = version(from);
        } catch (java.nio.file.NoSuchFileException e) {
            return;
        }
        if (version.equals(sent.get(from))) {
            return;
        }
        org.apache.hadoop.fs.Path part = new org.apache.hadoop.fs.Path(to.getParent(), "." + to.getName() + "." + UUID.randomUUID() + ".part");
        try (FSDataOutputStream out = fs.create(part, true); OutputStream o = out) {
            Files.copy(from, o);
        } catch (java.nio.file.NoSuchFileException e) {
            // replaced while being read (a checkpoint rewritten by its run): the next push sends it
            fs.delete(part, false);
            return;
        }
        // rename does not replace on every file system
        fs.delete(to, false);
        if (!fs.rename(part, to)) {
            fs.delete(part, false);
            throw new IOException("cannot put " + name + " in place at " + to);
        }
        sent.put(from, version);
    }

    private static String version(Path file) throws IOException {
        return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
    }

    @Override
    public void remove(String relative) throws IOException {
        fs.delete(remote(relative), true);
        Files.deleteIfExists(root.resolve(relative));
    }

    private org.apache.hadoop.fs.Path remote(String relative) {
        return relative.isEmpty() ? remote : new org.apache.hadoop.fs.Path(remote, relative);
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } finally {
            fs.close();
        }
    }
}
