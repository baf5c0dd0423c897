package dev.incept.storage;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderLockTest {
    @Test
    void aSecondOwnerIsRefusedWithTheHoldersProcessIdUntilTheFirstLetsGo(@TempDir Path dir) {
        try (FolderLock first = FolderLock.acquire(dir)) {
            FolderInUse e = assertThrows(FolderInUse.class, () -> FolderLock.acquire(dir));
            assertTrue(e.getMessage().contains("in use by process " + ProcessHandle.current().pid()), e.getMessage());
        }
        try (FolderLock again = FolderLock.acquire(dir)) {
            assertTrue(dir.resolve(FolderLock.FILE_NAME).toFile().exists());
        }
    }

    @Test
    void aLockHeldByAnotherProcessIsRefusedToo(@TempDir Path dir) throws Exception {
        // Python's lockf takes the POSIX record lock that FileChannel.tryLock takes on Linux.
        Process holder = new ProcessBuilder("python3", "-c",
                "import fcntl,os,sys,time\n"
                        + "f=open(sys.argv[1],'a+'); fcntl.lockf(f, fcntl.LOCK_EX|fcntl.LOCK_NB)\n"
                        + "f.truncate(0); f.write(str(os.getpid())+'\\n'); f.flush(); print('held', flush=True); time.sleep(30)",
                dir.resolve(FolderLock.FILE_NAME).toString()).start();
        try {
            String line = new String(holder.getInputStream().readNBytes(5));
            assertTrue(line.startsWith("held"), line);
            FolderInUse e = assertThrows(FolderInUse.class, () -> FolderLock.acquire(dir));
            assertTrue(e.getMessage().contains("in use by process " + holder.pid()), e.getMessage());
        } finally {
            holder.destroyForcibly().waitFor();
        }
        try (FolderLock mine = FolderLock.acquire(dir)) {
            assertTrue(true, "the lock went with the killed process");
        }
    }
}
