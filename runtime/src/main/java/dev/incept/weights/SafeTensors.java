package dev.incept.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a safetensors file (what the Hugging Face and timm hubs publish): an 8-byte little-endian
 * header length, a JSON header naming each tensor's dtype, shape and byte range, then the bytes.
 * Float tensors (F32, F16, BF16, F64) come back as float32; integer ones (a batch norm's
 * num_batches_tracked) are skipped, as nothing in a compiled network holds them. Written files hold
 * F32 tensors in the order given.
 */
public final class SafeTensors {
    private static final long MAX_HEADER = 100L * 1024 * 1024;

    private SafeTensors() {
    }

    /** The file's float tensors by name, in the header's order. */
    public static Map<String, StoredTensor> read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw new WeightsException(file + ": not a safetensors file (" + size + " bytes)");
            }
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, len, 0);
            long headerLength = len.flip().getLong();
            if (headerLength <= 0 || headerLength > MAX_HEADER || 8 + headerLength > size) {
                throw new WeightsException(file + ": not a safetensors file, or truncated (header of " + headerLength + " bytes in a file of " + size + ")");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLength);
            readFully(ch, header, 8);
            JsonNode root;
            try {
                root = new ObjectMapper().readTree(header.array());
            } catch (IOException e) {
                throw new WeightsException(file + ": the safetensors header is not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
            }
            long dataStart = 8 + headerLength;
            Map<String, StoredTensor> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("__metadata__")) {
                    continue;
                }
                StoredTensor t = tensor(file, ch, e.getKey(), e.getValue(), dataStart, size);
                if (t != null) {
                    out.put(t.name(), t);
                }
            }
            return out;
        } catch (IOException e) {
            throw new WeightsException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** {@code tensors} as a safetensors file's bytes (F32, little-endian, in the order given). */
    public static byte[] bytes(java.util.List<StoredTensor> tensors) {
        com.fasterxml.jackson.databind.node.ObjectNode header = new ObjectMapper().createObjectNode();
        long offset = 0;
        for (StoredTensor t : tensors) {
            com.fasterxml.jackson.databind.node.ObjectNode n = header.putObject(t.name());
            n.put("dtype", "F32");
            com.fasterxml.jackson.databind.node.ArrayNode shape = n.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            n.putArray("data_offsets").add(offset).add(offset + 4L * t.values().length);
            offset += 4L * t.values().length;
        }
        byte[] h = header.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (8 + h.length + offset > Integer.MAX_VALUE - 8) {
            throw new WeightsException("the tensors take " + offset + " bytes, more than one safetensors buffer holds");
        }
        ByteBuffer out = ByteBuffer.allocate((int) (8 + h.length + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(h.length).put(h);
        for (StoredTensor t : tensors) {
            for (float v : t.values()) {
                out.putFloat(v);
            }
        }
        return out.array();
    }

    private static StoredTensor tensor(Path file, FileChannel ch, String name, JsonNode n, long dataStart, long size) throws IOException {
        String dtype = n.path("dtype").asText();
        JsonNode shapeNode = n.path("shape");
        JsonNode offsets = n.path("data_offsets");
        if (!shapeNode.isArray() || !offsets.isArray() || offsets.size() != 2) {
            throw new WeightsException(file + ": tensor " + name + " has no shape or data_offsets in the header");
        }
        long[] shape = new long[shapeNode.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.isIntegralNumber() || !d.canConvertToLong()) {
                throw new WeightsException(file + ": tensor " + name + " has a dimension that is not a whole number: " + d);
            }
            shape[i] = d.asLong();
            if (shape[i] < 0) {
                throw new WeightsException(file + ": tensor " + name + " has a negative dimension: " + shape[i]);
            }
            try {
                count = Math.multiplyExact(count, shape[i]);
            } catch (ArithmeticException e) {
                throw new WeightsException(file + ": tensor " + name + " has a shape " + shapeNode + " too large for any file");
            }
        }
        int width = switch (dtype) {
            case "F32", "I32", "U32" -> 4;
            case "F16", "BF16", "I16", "U16" -> 2;
            case "F64", "I64", "U64" -> 8;
            case "I8", "U8", "BOOL" -> 1;
            default -> throw new WeightsException(file + ": tensor " + name + " has an unknown dtype '" + dtype + "'");
        };
        long begin = offsets.get(0).asLong(-1);
        long end = offsets.get(1).asLong(-1);
        if (begin < 0 || end < begin || dataStart + end > size) {
            throw new WeightsException(file + ": tensor " + name + " lies outside the file (truncated?): bytes " + begin + "-" + end
                    + " of " + (size - dataStart));
        }
        if (end - begin != count * width) {
            throw new WeightsException(file + ": tensor " + name + " has " + (end - begin) + " bytes for " + count + " " + dtype + " values");
        }
        if (!dtype.startsWith("F") && !dtype.equals("BF16")) {
            return null;
        }
        if (count > Integer.MAX_VALUE) {
            throw new WeightsException(file + ": tensor " + name + " is too large (" + count + " values)");
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, bytes, dataStart + begin);
        bytes.flip();
        float[] values = new float[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (dtype) {
                case "F32" -> bytes.getFloat();
                case "F64" -> (float) bytes.getDouble();
                case "F16" -> halfToFloat(bytes.getShort());
                default -> Float.intBitsToFloat((bytes.getShort() & 0xffff) << 16);
            };
        }
        return new StoredTensor(name, shape, values);
    }

    /** IEEE 754 half precision to float (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short half) {
        int h = half & 0xffff;
        int sign = (h >>> 15) << 31;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    private static void readFully(FileChannel ch, ByteBuffer into, long at) throws IOException {
        long pos = at;
        while (into.hasRemaining()) {
            int n = ch.read(into, pos);
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
            pos += n;
        }
    }
}
