package dev.incept.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The IDX format of MNIST and Fashion-MNIST (plain or gzipped): a magic number whose third byte is
 * the element type (0x08 = unsigned byte) and fourth the number of dimensions, the dimensions as
 * big-endian ints, then the data.
 */
public final class Idx {
    private static final int UNSIGNED_BYTE = 0x08;

    private Idx() {
    }

    /** The dimensions and bytes of one IDX file. */
    public record Array(int[] dims, byte[] data) {
    }

    public static Array read(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            boolean gzip = b0 == 0x1f && b1 == 0x8b;
            try (DataInputStream in = new DataInputStream(gzip ? new GZIPInputStream(raw, 1 << 16) : raw)) {
                return parse(file, in);
            }
        } catch (NoSuchFileException e) {
            throw new DataException("data file not found: " + file);
        } catch (EOFException e) {
            throw new DataException(file + " is truncated: it ends before the data its header announces");
        } catch (ZipException e) {
            throw new DataException(file + " is not a valid gzip file: " + e.getMessage());
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Array parse(Path file, DataInputStream in) throws IOException {
        int magic = in.readInt();
        int type = (magic >>> 8) & 0xff;
        int rank = magic & 0xff;
        if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || rank < 1 || rank > 4) {
            throw new DataException(file + " is not an IDX file of unsigned bytes (magic number 0x"
                    + String.format("%08x", magic) + ")");
        }
        int[] dims = new int[rank];
        long total = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = in.readInt();
            if (dims[i] < 0) {
                throw new DataException(file + ": dimension " + i + " is negative (" + dims[i] + ")");
            }
            total *= dims[i];
            if (total > Integer.MAX_VALUE - 8) {
                throw new DataException(file + ": header announces more than 2 GB of data");
            }
        }
        byte[] data = new byte[(int) total];
        in.readFully(data);
        if (in.read() != -1) {
            throw new DataException(file + " has bytes after the " + total + " its header announces");
        }
        return new Array(dims, data);
    }

    /** An images file (rank 3: count x rows x cols) with its labels file (rank 1). */
    public static Images readLabelled(Path imagesFile, Path labelsFile, int classes) {
        Array images = read(imagesFile);
        Array labels = read(labelsFile);
        if (images.dims().length != 3) {
            throw new DataException(imagesFile + " holds a rank-" + images.dims().length + " array, expected count x rows x cols");
        }
        if (labels.dims().length != 1) {
            throw new DataException(labelsFile + " holds a rank-" + labels.dims().length + " array, expected a list of labels");
        }
        if (images.dims()[0] != labels.dims()[0]) {
            throw new DataException(imagesFile + " has " + images.dims()[0] + " images but " + labelsFile + " has "
                    + labels.dims()[0] + " labels");
        }
        try {
            return new Images(images.dims()[0], 1, images.dims()[1], images.dims()[2], images.data(), labels.data(), classes);
        } catch (DataException e) {
            throw new DataException(labelsFile + ": " + e.getMessage());
        }
    }
}
