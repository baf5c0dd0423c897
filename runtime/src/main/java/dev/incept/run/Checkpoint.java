package dev.incept.run;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.incept.train.ResumePoint;
import dev.incept.train.StateKeeper;
import dev.incept.train.TrainConfig;
import dev.incept.train.Trainer;
import dev.incept.train.TrainerState;

/**
 * One file holding everything needed to continue a run: a JSON header ({@link CheckpointHeader}:
 * the epoch reached, the seed, the optimizer, the network's name and fingerprint, the metrics so
 * far), the parameters, the optimizer's state and the moving average, closed by a CRC-32 of all
 * of it. A checkpoint of the previous format is read through one migration step.
 *
 * <p>A checkpoint is written through {@link DurableFile}: complete, forced to disk, read back and
 * compared before it is renamed over the previous one, so a full disk or a process killed at any
 * moment leaves either the old checkpoint or the new one, never a torn file; a file corrupted
 * later is detected by its checksum, not by a crash half-way through loading.
 */
public final class Checkpoint {
    static final byte[] MAGIC = "INCEPT-CHECKPOINT\n".getBytes(StandardCharsets.US_ASCII);
    /** 2: the header names and fingerprints the network ({@link CheckpointHeader}); 1 stored its description. */
    static final int FORMAT = 2;
    public static final String FILE_NAME = "checkpoint.incept";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Checkpoint() {
    }

    /** What the header says and the arrays to restore. */
    public record Contents(CheckpointHeader header, byte[] parameters, Map<String, byte[]> optimizer, Map<String, byte[]> average) {
        public int epoch() {
            return header.epoch();
        }

        /**
         * Refuses, naming what differs, a checkpoint that another run wrote: another description
         * (by its fingerprint), another optimizer (by its settings), or already past {@code epochs}.
         */
        public void checkFits(Path file, Network network, OptimizerSpec optimizer, String optimizerDescription, int epochs) {
            if (!header.networkFingerprint().equals(CheckpointHeader.fingerprint(network))) {
                throw new CheckpointException(file + " was written for network '" + header.networkName()
                        + "', a different description from '" + network.name() + "' being trained now; nothing was changed");
            }
            if (!optimizer.equals(header.optimizerSpec())) {
                throw new CheckpointException(file + " was written with " + header.optimizer() + ", this run uses "
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

    /** Writes {@code state} to {@code file}, replacing the checkpoint there in one step. */
    public static void write(Path file, TrainerState state) {
        write(file, CheckpointHeader.of(state), state.block(), state.optimizerState(), state.averageState());
    }

    /** Keeps a trainer's state in {@code file} after every epoch. */
    public static StateKeeper keeper(Path file) {
        return new StateKeeper() {
            @Override
            public void keep(TrainerState state) {
                write(file, state);
            }

            @Override
            public Path place() {
                return file;
            }
        };
    }

    /**
     * Loads the checkpoint {@code file} into {@code trainer} (weights, optimizer state, moving
     * average, figures) after checking it belongs to this network and optimizer; returns the
     * epochs done, from which the trainer's next {@code fit} continues.
     */
    public static int restore(Trainer trainer, Path file) {
        Contents c = read(file);
        TrainConfig config = trainer.config();
        c.checkFits(file, trainer.network(), config.optimizer(), trainer.optimizerDescription(), config.epochs());
        c.loadParameters(trainer.manager(), trainer.block(), file);
        trainer.continueFrom(new ResumePoint(file, c.epoch(), c.header().emaUpdates(), c.header().history(),
                Contents.decode(trainer.manager(), c.optimizer()), Contents.decode(trainer.manager(), c.average())));
        return c.epoch();
    }

    static void write(Path file, CheckpointHeader header, Block block, Map<String, NDArray> optimizer,
                      Map<String, NDArray> average) {
        write(file, header, block, optimizer, average, DurableFile::openForWriting);
    }

    /** As above, with the temporary file opened by {@code opener} (a test's full disk). */
    static void write(Path file, CheckpointHeader header, Block block, Map<String, NDArray> optimizer,
                      Map<String, NDArray> average, DurableFile.Opener opener) {
        writeRaw(file, FORMAT, header.toJson(JSON), block, optimizer, average, opener);
    }

    /** A checkpoint of {@code format} with {@code header} as given (the current writer, and tests of older files). */
    static void writeRaw(Path file, int format, ObjectNode header, Block block, Map<String, NDArray> optimizer,
                         Map<String, NDArray> average, DurableFile.Opener opener) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(format);
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

    public static Contents read(Path file) {
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
            if (format != FORMAT && format != FORMAT - 1) {
                throw new CheckpointException(file + " has format " + format + "; this incept reads formats " + (FORMAT - 1) + " and " + FORMAT);
            }
            byte[] h = in.readNBytes(in.readInt());
            JsonNode header = JSON.readTree(h);
            if (!(header instanceof ObjectNode obj)) {
                throw new CheckpointException(file + ": header is not a JSON object");
            }
            byte[] params = in.readNBytes(in.readInt());
            Map<String, byte[]> optimizer = readArrays(in);
            Map<String, byte[]> average = readArrays(in);
            ObjectNode current = format == FORMAT ? obj : CheckpointHeader.fromFormat1(obj, file.toString());
            try {
                return new Contents(CheckpointHeader.fromJson(current, file.toString()), params, optimizer, average);
            } catch (IllegalArgumentException e) {
                throw new CheckpointException(file + ": its header cannot be read (" + e.getMessage() + ")", e);
            }
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

}
