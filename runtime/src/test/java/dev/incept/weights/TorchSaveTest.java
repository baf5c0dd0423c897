package dev.incept.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tiny.pth is what torch.save wrote (make_tiny_pth.py beside it, with Debian's torch 1.13). */
class TorchSaveTest {
    @TempDir
    Path dir;

    private Path fixture() throws IOException {
        Path f = dir.resolve("tiny.pth");
        try (InputStream in = TorchSaveTest.class.getResourceAsStream("tiny.pth")) {
            Files.write(f, in.readAllBytes());
        }
        return f;
    }

    @Test
    void everyFloatTensorOfAStateDictComesBackRowMajorAndCountersAreSkipped() throws IOException {
        Map<String, StoredTensor> t = TorchSave.read(fixture());
        assertEquals(List.of("0.weight", "1.weight", "1.bias", "1.running_mean", "1.running_var", "conv.weight", "fc.weight",
                "bn.running_var", "half", "scalar", "view"), List.copyOf(t.keySet()));
        assertArrayEquals(new float[] {0.5f, -1.25f}, t.get("0.weight").values());
        assertArrayEquals(new long[] {2, 1, 1, 1}, t.get("0.weight").shape());
        assertArrayEquals(new float[] {2f, 3f}, t.get("1.running_var").values());
        float[] conv = new float[24];
        for (int i = 0; i < 24; i++) {
            conv[i] = i / 8f;
        }
        assertArrayEquals(conv, t.get("conv.weight").values());
        // (arange(6).reshape(2, 3) - 2.5).t(): a transposed view, read in its own row-major order.
        assertArrayEquals(new float[] {-2.5f, 0.5f, -1.5f, 1.5f, -0.5f, 2.5f}, t.get("fc.weight").values());
        assertArrayEquals(new long[] {3, 2}, t.get("fc.weight").shape());
        assertArrayEquals(new float[] {0.5f, 1.5f, 2.5f}, t.get("bn.running_var").values());
        assertArrayEquals(new float[] {1f, -2f, 0.25f}, t.get("half").values());
        assertArrayEquals(new float[] {3.5f}, t.get("scalar").values());
        assertArrayEquals(new long[0], t.get("scalar").shape());
        assertArrayEquals(new float[] {5 / 8f, 6 / 8f, 7 / 8f, 8 / 8f}, t.get("view").values());
    }

    @Test
    void aTruncatedArchiveIsRefusedInOneLine() throws IOException {
        byte[] all = Files.readAllBytes(fixture());
        Path cut = dir.resolve("cut.pth");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        WeightsException e = assertThrows(WeightsException.class, () -> TorchSave.read(cut));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    /** A pickle that would run code in Python (os.system) is refused, never executed. */
    @Test
    void aPickleThatAsksForAnythingButTensorsIsRefused() throws IOException {
        Path evil = dir.resolve("evil.pth");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(evil))) {
            z.putNextEntry(new ZipEntry("evil/data.pkl"));
            // PROTO 2; GLOBAL 'posix system'; BINUNICODE 'touch x'; TUPLE1; REDUCE; STOP
            byte[] cmd = "touch x".getBytes();
            java.io.ByteArrayOutputStream p = new java.io.ByteArrayOutputStream();
            p.write(new byte[] {(byte) 0x80, 2, 'c'});
            p.write("posix\nsystem\n".getBytes());
            p.write('X');
            p.write(new byte[] {(byte) cmd.length, 0, 0, 0});
            p.write(cmd);
            p.write(new byte[] {(byte) 0x85, 'R', '.'});
            z.write(p.toByteArray());
            z.closeEntry();
        }
        WeightsException e = assertThrows(WeightsException.class, () -> TorchSave.read(evil));
        assertTrue(e.getMessage().contains("not a state dict"), e.getMessage());
        assertTrue(!Files.exists(Path.of("x")));
    }

    private Path archive(String name, byte[] pickle, String storageKey, byte[] storage) throws IOException {
        Path f = dir.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("a/data.pkl"));
            z.write(pickle);
            z.closeEntry();
            if (storageKey != null) {
                z.putNextEntry(new ZipEntry("a/data/" + storageKey));
                z.write(storage);
                z.closeEntry();
            }
        }
        return f;
    }

    @Test
    void anAppendToATupleIsRefusedInOneLine() throws IOException {
        // EMPTY_TUPLE; BININT1 1; APPEND; STOP: Python refuses it too ('tuple' has no append)
        byte[] p = {')', 'K', 1, 'a', '.'};
        WeightsException e = assertThrows(WeightsException.class, () -> TorchSave.read(archive("tuple.pth", p, null, null)));
        assertEquals(dir.resolve("tuple.pth") + ": data.pkl is not a state dict's pickle (an append to a tuple, not a list at byte 4)", e.getMessage());
    }

    @Test
    void aStringThatClaimsTwoGigabytesIsRefusedWithoutAllocatingThem() throws IOException {
        // PROTO 2; BINUNICODE of length 0x7fffffff with nothing after it: 8 bytes that once asked for 2 GB
        byte[] p = {(byte) 0x80, 2, 'X', (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, '.'};
        WeightsException e = assertThrows(WeightsException.class, () -> TorchSave.read(archive("long.pth", p, null, null)));
        assertTrue(e.getMessage().contains("a string of 2147483647 bytes where 1 are left"), e.getMessage());
    }

    @Test
    void anOperationOnAnEmptyStackIsNamedByItsByte() throws IOException {
        // PROTO 2; TUPLE1 with nothing to take
        byte[] p = {(byte) 0x80, 2, (byte) 0x85, '.'};
        WeightsException e = assertThrows(WeightsException.class, () -> TorchSave.read(archive("empty.pth", p, null, null)));
        assertTrue(e.getMessage().contains("an operation at byte 2 takes a value from an empty stack"), e.getMessage());
    }

    @Test
    void aStorageEntryLongerThanItsValuesGivesTheSameTensors() throws IOException {
        // the fixture's first tensor, with its storage entry replaced by 64 MB of zeros (a few hundred KB zipped):
        // the reader takes the values the tensor claims (bounded, never the whole entry) and the same tensors come back
        byte[] zeros = new byte[64 << 20];
        Path f = dir.resolve("bomb.pth");
        try (java.util.zip.ZipFile src = new java.util.zip.ZipFile(fixture().toFile());
             ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            var entries = java.util.Collections.list(src.entries());
            for (ZipEntry e : entries) {
                z.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().matches(".*/data/\\d+")) {
                    byte[] real = src.getInputStream(e).readAllBytes();
                    z.write(real);
                    z.write(zeros);
                } else {
                    z.write(src.getInputStream(e).readAllBytes());
                }
                z.closeEntry();
            }
        }
        assertTrue(Files.size(f) < (4 << 20), "the archive stays small: " + Files.size(f));
        Map<String, StoredTensor> ours = TorchSave.read(f);
        Map<String, StoredTensor> plain = TorchSave.read(fixture());
        assertEquals(plain.keySet(), ours.keySet());
        for (String k : plain.keySet()) {
            assertArrayEquals(plain.get(k).values(), ours.get(k).values(), k);
        }
    }
}
