package dev.incept.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incept.json.SpecJson;
import dev.incept.spec.Network;
import dev.incept.storage.DurableFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import dev.incept.optim.OptimizerSpec;

/**
 * One file holding everything needed to continue a run: a JSON header (the description, the
 * epoch reached, the seed, the optimizer, the metrics so far), the parameters, the optimizer's
 * state and the moving average, closed by a CRC-32 of all of it.
 *
 * <p>A checkpoint is written through {@link DurableFile}: complete, forced to disk, read back and
 * compared before it is renamed over the previous one, so a full disk or a process killed at any
 * moment leaves either the old checkpoint or the new one, never a torn file; a file corrupted
 * later is detected by its checksum, not by a crash half-way through loading.
 */
public final class Checkpoint {
    static final byte[] MAGIC = "INCEPT-CHECKPOINT\n".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT = 1;
    public static final String FILE_NAME = "checkpoint.incept";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Checkpoint() {
    }

    /** What the header says and the arrays to restore. */
    public record Loaded(ObjectNode header, byte[] parameters, Map<String, byte[]> optimizer, Map<String, byte[]> average) {
        public int epoch() {
            return header.path("epoch").asInt();
        }

        /**
         * Refuses, naming what differs, a checkpoint that another run wrote: another description,
         * another optimizer, or already past {@code epochs}. The description is compared as a
         * value, the optimizer by its settings.
         */
        public void checkFits(Path file, Network network, OptimizerSpec optimizer, String optimizerDescription, int epochs) {
            Network saved;
            try {
                saved = SpecJson.read(header.path("network").asText());
            } catch (RuntimeException e) {
                throw new CheckpointException(file + ": its description cannot be read (" + e.getMessage() + ")", e);
            }
            if (!saved.equals(network)) {
                throw new CheckpointException(file + " was written for network '" + saved.name()
                        + "', a different description from '" + network.name() + "' being trained now; nothing was changed");
            }
            JsonNode spec = header.path("optimizerSpec");
            if (!spec.isObject()) {
                throw new CheckpointException(file + " does not record its optimizer's settings (an incept from before 0.1 wrote it);"
                        + " it cannot be continued, train the run again");
            }
            if (!optimizer.equals(new OptimizerSpec(OptimizerSpec.kind(spec.path("kind").asText()), spec.path("momentum").asDouble(),
                    spec.path("decay").asDouble(), spec.path("epsilon").asDouble(), spec.path("weightDecay").asDouble()))) {
                throw new CheckpointException(file + " was written with " + header.path("optimizer").asText() + ", this run uses "
                        + optimizerDescription);
            }
            if (epoch() > epochs) {
                throw new CheckpointException(file + " is already at epoch " + epoch() + ", past the " + epochs + " epochs asked for");
            }
        }

        public void loadParameters(NDManager manager, Block block, Path file) {
            try {
                block.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(parameters)));
            } catch (IOException | MalformedModelException | RuntimeException e) {
                throw new CheckpointException(file + ": its parameters do not fit this network (" + e.getMessage() + ")", e);
            }
        }

        public static Map<String, NDArray> decode(NDManager manager, Map<String, byte[]> arrays) {
            Map<String, NDArray> out = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> e : arrays.entrySet()) {
                NDArray a = NDArray.decode(manager, e.getValue());
                out.put(e.getKey(), a);
            }
            return out;
        }
    }

    public static void write(Path file, ObjectNode header, Block block, Map<String, NDArray> optimizer,
                             Map<String, NDArray> average) {
        write(file, header, block, optimizer, average, DurableFile::openForWriting);
    }

    /** As above, with the temporary file opened by {@code opener} (a test's full disk). */
    static void write(Path file, ObjectNode header, Block block, Map<String, NDArray> optimizer,
                      Map<String, NDArray> average, DurableFile.Opener opener) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(FORMAT);
            byte[] h = JSON.writeValueAsBytes(header);
            out.writeInt(h.length);
            out.write(h);
            ByteArrayOutputStream params = new ByteArrayOutputStream();
            block.saveParameters(new DataOutputStream(params));
            out.writeInt(params.size());
            params.writeTo(out);
            writeArrays(out, optimizer);
            writeArrays(out, average);
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
            out.flush();

            DurableFile.write(file, bytes.toByteArray(), opener);
        } catch (IOException e) {
            // only the in-memory encoding is left here; the disk's failures are DurableFile's
            throw new CheckpointException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeArrays(DataOutputStream out, Map<String, NDArray> arrays) throws IOException {
        out.writeInt(arrays.size());
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            out.writeUTF(e.getKey());
            byte[] b = e.getValue().encode();
            out.writeInt(b.length);
            out.write(b);
        }
    }

    public static Loaded read(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CheckpointException("no checkpoint at " + file, e);
        } catch (IOException e) {
            throw new CheckpointException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
        if (all.length < MAGIC.length + 12 || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            throw new CheckpointException(file + " is not an incept checkpoint");
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        long stored = java.nio.ByteBuffer.wrap(all, all.length - 8, 8).getLong();
        if (crc.getValue() != stored) {
            throw new CheckpointException(file + " is corrupt (checksum mismatch); it was left as it is");
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, MAGIC.length, all.length - MAGIC.length - 8));
            int format = in.readInt();
            if (format != FORMAT) {
                throw new CheckpointException(file + " has format " + format + "; this incept reads format " + FORMAT);
            }
            byte[] h = in.readNBytes(in.readInt());
            JsonNode header = JSON.readTree(h);
            if (!(header instanceof ObjectNode obj)) {
                throw new CheckpointException(file + ": header is not a JSON object");
            }
            byte[] params = in.readNBytes(in.readInt());
            Map<String, byte[]> optimizer = readArrays(in);
            Map<String, byte[]> average = readArrays(in);
            return new Loaded(obj, params, optimizer, average);
        } catch (EOFException e) {
            throw new CheckpointException(file + " is truncated", e);
        } catch (IOException e) {
            throw new CheckpointException(file + " cannot be parsed: " + e.getMessage(), e);
        }
    }

    private static Map<String, byte[]> readArrays(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative array count");
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            int len = in.readInt();
            if (len < 0) {
                throw new IOException("negative array length");
            }
            out.put(name, in.readNBytes(len));
        }
        return out;
    }

    static ObjectMapper json() {
        return JSON;
    }
}
