package dev.incept.classroom.sandbox;

import ai.djl.util.Utils;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The engine's native libraries, unpacked on the grader's side before any sandbox starts. Inside
 * the sandbox the engine cache is read-only and no file may outgrow the sandbox's file-size limit,
 * so a kernel there cannot unpack MXNet's library (larger than that limit) itself; on a machine
 * that never loaded the engine before, the first training check would otherwise fail.
 */
final class EngineNatives {
    private static Path cache;

    private EngineNatives() {
    }

    /** Loads the engine the sandboxed kernels will use, once per grader, and returns DJL's engine cache. */
    static synchronized Path ready(EngineChoice choice) {
        if (cache == null) {
            Engines.load(choice);
            cache = Utils.getEngineCacheDir();
            readableByAll(cache, Utils.getEngineCacheDir(choice.djlName().toLowerCase(Locale.ROOT)));
        }
        return cache;
    }

    /**
     * DJL unpacks into folders only their owner may enter; the sandboxed kernel runs as another
     * user, would see no libraries, and would try to unpack them again. They are public binaries.
     */
    private static void readableByAll(Path cache, Path engine) {
        try (Stream<Path> all = Stream.concat(Stream.of(cache), Files.walk(engine))) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Set<PosixFilePermission> perms = new HashSet<>(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                perms.add(PosixFilePermission.OTHERS_READ);
                perms.add(PosixFilePermission.GROUP_READ);
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    perms.add(PosixFilePermission.OTHERS_EXECUTE);
                    perms.add(PosixFilePermission.GROUP_EXECUTE);
                }
                Files.setPosixFilePermissions(p, perms);
            }
        } catch (IOException e) {
            throw new SandboxException("cannot open the engine's native libraries in " + engine + " to the sandbox: " + e.getMessage());
        }
    }
}
