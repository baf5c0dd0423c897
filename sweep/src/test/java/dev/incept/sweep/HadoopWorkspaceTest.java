package dev.incept.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HadoopWorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void aPushSendsAndAPullFetchesOnlyTheFilesThatChangedSinceTheLast() throws Exception {
        Path shared = dir.resolve("shared");
        Path aRoot;
        Path bRoot;
        try (Workspace a = Workspace.open(shared.toUri().toString(), Map.of());
             Workspace b = Workspace.open(shared.toUri().toString(), Map.of())) {
            aRoot = a.root();
            bRoot = b.root();
            Path run = Files.createDirectories(a.root().resolve("runs/p01"));
            Files.writeString(run.resolve("checkpoint.incept"), "epoch 1");
            Files.writeString(run.resolve("metrics.csv"), "1");
            a.push("runs/p01");
            Path remoteCheckpoint = shared.resolve("runs/p01/checkpoint.incept");
            // mark what was sent, to see whether the next push sends it again
            FileTime marked = FileTime.fromMillis(1_000_000L);
            Files.setLastModifiedTime(remoteCheckpoint, marked);
            Files.writeString(run.resolve("metrics.csv"), "1\n2");
            a.push("runs/p01");
            assertEquals(marked, Files.getLastModifiedTime(remoteCheckpoint), "an unchanged checkpoint is not sent again");
            assertEquals("1\n2", Files.readString(shared.resolve("runs/p01/metrics.csv")));

            Files.writeString(run.resolve("checkpoint.incept"), "epoch 2 of 2");
            a.push("runs/p01");
            assertNotEquals(marked, Files.getLastModifiedTime(remoteCheckpoint));
            assertEquals("epoch 2 of 2", Files.readString(remoteCheckpoint));

            b.pull("runs/p01");
            Path fetched = b.root().resolve("runs/p01/checkpoint.incept");
            assertEquals("epoch 2 of 2", Files.readString(fetched));
            Files.setLastModifiedTime(fetched, marked);
            b.pull("runs/p01");
            assertEquals(marked, Files.getLastModifiedTime(fetched), "an unchanged remote file is not fetched again");
            Files.writeString(run.resolve("checkpoint.incept"), "epoch 3 of 3, the last");
            a.push("runs/p01");
            b.pull("runs/p01");
            assertEquals("epoch 3 of 3, the last", Files.readString(fetched));
            assertNotEquals(a.root(), b.root());
        }
        assertFalse(Files.exists(aRoot) || Files.exists(bRoot), "closing a workspace deletes its local copy");
        assertFalse(Files.exists(shared.resolve("runs/p01/.checkpoint.incept.crc")));
    }
}
