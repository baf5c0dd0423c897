package dev.incept.sweep;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where one JVM of a sweep (the driver, or a task on an executor) reads and writes the sweep's
 * folder. A plain path is used in place; a URI (hdfs://, s3a://, file://, any file system Hadoop
 * knows) is mirrored into a local folder of this JVM's own: {@code pull} fetches a file or folder
 * of the sweep into it and {@code push} sends one back, so that training keeps writing to local
 * files and the sweep's folder stays wherever every executor can reach it.
 */
interface Workspace extends AutoCloseable {
    /** The local folder that stands for the sweep's folder. */
    Path root();

    /** Fetches {@code relative} (a file or folder) from the sweep's folder into {@link #root()}, if it is there. */
    void pull(String relative) throws IOException;

    /** Sends {@code relative} (a file or folder) from {@link #root()} to the sweep's folder. */
    void push(String relative) throws IOException;

    /** Removes {@code relative} from the sweep's folder and from {@link #root()}. */
    void remove(String relative) throws IOException;

    @Override
    void close() throws IOException;

    /** True for a location with a scheme (hdfs://, s3a://, file://...), which goes through Hadoop's file systems. */
    static boolean isUri(String location) {
        return location.matches("[A-Za-z][A-Za-z0-9+.-]+:/.*");
    }

    /**
     * @param hadoopConf settings for Hadoop's file systems (a Spark job's {@code spark.hadoop.*}
     *                   settings without that prefix); the executor's own configuration files apply as well
     */
    static Workspace open(String location, Map<String, String> hadoopConf) throws IOException {
        if (isUri(location)) {
            return new HadoopWorkspace(URI.create(location), hadoopConf);
        }
        return new LocalWorkspace(Path.of(location).toAbsolutePath());
    }
}
