package dev.incept.weights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a state dict that {@code torch.save} wrote (its zip format, PyTorch 1.6 and later), without
 * Python: {@code ARCHIVE/data.pkl} is a pickle of an OrderedDict whose tensors are calls of
 * {@code torch._utils._rebuild_tensor_v2(storage, offset, size, stride, ...)}, each storage a
 * persistent id {@code ('storage', torch.FloatStorage, key, location, numel)} whose bytes are the
 * entry {@code ARCHIVE/data/KEY}. Only the pickle operations a state dict uses are understood, and
 * only the calls above are made: a pickle that asks for anything else (arbitrary code, in Python)
 * is refused, so an untrusted file cannot run anything. Float tensors come back as float32 in
 * row-major order (strided views gathered); integer ones (a batch norm's num_batches_tracked) are
 * skipped, as {@link SafeTensors} skips them.
 */
public final class TorchSave {
    private static final long MAX_PICKLE = 64L * 1024 * 1024;
    /** The largest storage read, far above any Inception tensor (v3's largest holds 8 MB). */
    private static final long MAX_TENSOR_BYTES = 512L * 1024 * 1024;

    private TorchSave() {
    }

    /** A pickled {@code module.name} reference. */
    private record Global(String module, String name) {
        String qualified() {
            return module + "." + name;
        }
    }

    /** A storage: its element type (torch's class name), its entry key and element count. */
    private record Storage(String type, String key, long numel) {
    }

    /** A tensor: a strided view into a storage. */
    private record TensorRef(Storage storage, long offset, long[] size, long[] stride) {
    }

    /** The result of calling something the reader does not model (the state dict's metadata). */
    private record Opaque(Global callable) {
    }

    private static final Object MARK = new Object();

    /** The file's float tensors by name, in the state dict's order. */
    public static Map<String, StoredTensor> read(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry pkl = zip.stream().filter(e -> e.getName().endsWith("data.pkl")).findFirst()
                    .orElseThrow(() -> new WeightsException(file + ": a zip without data.pkl, so not a torch.save file"));
            if (pkl.getSize() > MAX_PICKLE) {
                throw new WeightsException(file + ": data.pkl is " + pkl.getSize() + " bytes, more than a state dict's");
            }
            String archive = pkl.getName().substring(0, pkl.getName().length() - "data.pkl".length());
            byte[] pickle;
            // read no more than a state dict's pickle can be: a zip may declare a size it does not keep to
            try (InputStream in = zip.getInputStream(pkl)) {
                pickle = in.readNBytes((int) MAX_PICKLE + 1);
            }
            if (pickle.length > MAX_PICKLE) {
                throw new WeightsException(file + ": data.pkl unpacks to more than " + MAX_PICKLE + " bytes, more than a state dict's");
            }
            Object root = unpickle(file, pickle);
            if (!(root instanceof Map<?, ?> dict)) {
                throw new WeightsException(file + ": holds a " + describe(root) + ", not a state dict (save model.state_dict())");
            }
            Map<String, StoredTensor> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : dict.entrySet()) {
                if (!(e.getKey() instanceof String name) || !(e.getValue() instanceof TensorRef t)) {
                    throw new WeightsException(file + ": entry " + e.getKey() + " is a " + describe(e.getValue()) + ", not a tensor");
                }
                StoredTensor st = tensor(file, zip, archive, name, t);
                if (st != null) {
                    out.put(name, st);
                }
            }
            return out;
        } catch (ZipException e) {
            throw new WeightsException(file + ": not a readable torch.save file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new WeightsException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static String describe(Object o) {
        return o == null ? "None" : o instanceof Opaque op ? op.callable().qualified() + "(...)" : o.getClass().getSimpleName();
    }

    private static int width(String storageType) {
        return switch (storageType) {
            case "FloatStorage", "IntStorage" -> 4;
            case "DoubleStorage", "LongStorage" -> 8;
            case "HalfStorage", "BFloat16Storage", "ShortStorage" -> 2;
            case "ByteStorage", "CharStorage", "BoolStorage" -> 1;
            default -> -1;
        };
    }

    private static StoredTensor tensor(Path file, ZipFile zip, String archive, String name, TensorRef t) throws IOException {
        String type = t.storage().type();
        int width = width(type);
        if (width < 0) {
            throw new WeightsException(file + ": tensor " + name + " is stored as torch." + type + ", which incept does not read");
        }
        boolean floating = type.equals("FloatStorage") || type.equals("DoubleStorage") || type.equals("HalfStorage")
                || type.equals("BFloat16Storage");
        long count = 1;
        long last = t.offset();
        for (int d = 0; d < t.size().length; d++) {
            if (t.size()[d] < 0 || t.stride()[d] < 0) {
                throw new WeightsException(file + ": tensor " + name + " has a negative size or stride");
            }
            count *= t.size()[d];
            last += (t.size()[d] - 1) * t.stride()[d];
        }
        if (count > 0 && (t.offset() < 0 || last >= t.storage().numel())) {
            throw new WeightsException(file + ": tensor " + name + " reaches past its storage (" + t.storage().numel() + " values)");
        }
        if (!floating) {
            return null;
        }
        // a view may repeat a small storage (stride 0): its own values are bounded too
        if (count > MAX_TENSOR_BYTES / Float.BYTES) {
            throw new WeightsException(file + ": tensor " + name + " is too large (" + count + " values)");
        }
        ZipEntry entry = zip.getEntry(archive + "data/" + t.storage().key());
        if (entry == null) {
            throw new WeightsException(file + ": tensor " + name + "'s storage " + t.storage().key() + " is missing from the archive (truncated?)");
        }
        long expected = t.storage().numel() * width;
        if (t.storage().numel() < 0 || expected > MAX_TENSOR_BYTES) {
            throw new WeightsException(file + ": tensor " + name + "'s storage claims " + t.storage().numel() + " values, more than incept reads ("
                    + MAX_TENSOR_BYTES + " bytes)");
        }
        byte[] raw;
        // no more than the storage's values: an entry that unpacks to gigabytes (a zip bomb) is not read to its end
        try (InputStream in = zip.getInputStream(entry)) {
            raw = in.readNBytes((int) expected);
        }
        if (raw.length < t.storage().numel() * width) {
            throw new WeightsException(file + ": tensor " + name + "'s storage has " + raw.length + " bytes for " + t.storage().numel() + " values");
        }
        ByteBuffer bytes = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[(int) count];
        long[] index = new long[t.size().length];
        for (int i = 0; i < values.length; i++) {
            long at = t.offset();
            for (int d = 0; d < index.length; d++) {
                at += index[d] * t.stride()[d];
            }
            int pos = (int) (at * width);
            values[i] = switch (type) {
                case "FloatStorage" -> bytes.getFloat(pos);
                case "DoubleStorage" -> (float) bytes.getDouble(pos);
                case "HalfStorage" -> SafeTensors.halfToFloat(bytes.getShort(pos));
                default -> Float.intBitsToFloat((bytes.getShort(pos) & 0xffff) << 16);
            };
            for (int d = index.length - 1; d >= 0; d--) {
                if (++index[d] < t.size()[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return new StoredTensor(name, t.size().clone(), values);
    }

    /** The pickle's value, from the operations a state dict uses (protocols 2 to 4). */
    private static Object unpickle(Path file, byte[] p) {
        ByteBuffer in = ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN);
        Deque<Object> stack = new ArrayDeque<>();
        Map<Long, Object> memo = new HashMap<>();
        try {
            while (true) {
                int op = in.get() & 0xff;
                switch (op) {
                    case 0x80 -> in.get(); // PROTO
                    case 0x95 -> in.getLong(); // FRAME
                    case '.' -> { // STOP
                        return pop(stack);
                    }
                    case '(' -> stack.push(MARK);
                    case ')' -> stack.push(List.of());
                    case ']' -> stack.push(new ArrayList<>());
                    case '}' -> stack.push(new LinkedHashMap<>());
                    case 'N' -> stack.push(NullValue.NONE);
                    case 0x88 -> stack.push(Boolean.TRUE);
                    case 0x89 -> stack.push(Boolean.FALSE);
                    case 'K' -> stack.push((long) (in.get() & 0xff));
                    case 'M' -> stack.push((long) (in.getShort() & 0xffff));
                    case 'J' -> stack.push((long) in.getInt());
                    case 0x8a -> stack.push(long1(in));
                    case 'G' -> stack.push(Double.longBitsToDouble(Long.reverseBytes(in.getLong()))); // big-endian
                    case 'X' -> stack.push(text(in, in.getInt()));
                    case 0x8c -> stack.push(text(in, in.get() & 0xff));
                    case 'T' -> stack.push(text(in, in.getInt()));
                    case 'U' -> stack.push(text(in, in.get() & 0xff));
                    case 'B' -> stack.push(bytes(in, in.getInt()));
                    case 'C' -> stack.push(bytes(in, in.get() & 0xff));
                    case 'q' -> memo.put((long) (in.get() & 0xff), stack.peek());
                    case 'r' -> memo.put(in.getInt() & 0xffffffffL, stack.peek());
                    case 0x94 -> memo.put((long) memo.size(), stack.peek());
                    case 'h' -> stack.push(memoGet(memo, in.get() & 0xff));
                    case 'j' -> stack.push(memoGet(memo, in.getInt() & 0xffffffffL));
                    case 'c' -> stack.push(new Global(line(in), line(in)));
                    case 0x93 -> { // STACK_GLOBAL
                        String name = (String) pop(stack);
                        stack.push(new Global((String) pop(stack), name));
                    }
                    case 't' -> stack.push(List.copyOf(popToMark(stack)));
                    case 0x85 -> stack.push(List.of(pop(stack)));
                    case 0x86 -> {
                        Object b = pop(stack);
                        stack.push(List.of(pop(stack), b));
                    }
                    case 0x87 -> {
                        Object c = pop(stack);
                        Object b = pop(stack);
                        stack.push(List.of(pop(stack), b, c));
                    }
                    case 'a' -> {
                        Object v = pop(stack);
                        growing(stack.peek()).add(v);
                    }
                    case 'e' -> {
                        List<Object> items = popToMark(stack);
                        growing(stack.peek()).addAll(items);
                    }
                    case 's' -> {
                        Object v = pop(stack);
                        Object k = pop(stack);
                        dict(stack.peek()).put(k, v);
                    }
                    case 'u' -> {
                        List<Object> items = popToMark(stack);
                        Map<Object, Object> d = dict(stack.peek());
                        for (int i = 0; i + 1 < items.size(); i += 2) {
                            d.put(items.get(i), items.get(i + 1));
                        }
                    }
                    case 'Q' -> stack.push(storage(pop(stack)));
                    case 'R' -> {
                        Object args = pop(stack);
                        stack.push(call(pop(stack), args));
                    }
                    case 'b' -> pop(stack); // BUILD: the state (torch's _metadata) changes no tensor
                    default -> throw new WeightsException(file + ": the pickle uses operation 0x" + Integer.toHexString(op)
                            + " at byte " + (in.position() - 1) + ", which a state dict does not (not a torch.save state dict?)");
                }
            }
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new WeightsException(file + ": data.pkl ends early (truncated?)");
        } catch (ClassCastException | IllegalStateException | UnsupportedOperationException e) {
            throw new WeightsException(file + ": data.pkl is not a state dict's pickle (" + (e.getMessage() == null ? "an operation on the wrong kind of value"
                    : e.getMessage()) + " at byte " + in.position() + ")");
        } catch (java.util.NoSuchElementException e) {
            throw new WeightsException(file + ": data.pkl is not a state dict's pickle (an operation at byte " + (in.position() - 1)
                    + " takes a value from an empty stack)");
        }
    }

    /** Python's None, which a Deque cannot hold as null. */
    private enum NullValue { NONE }

    private static Object pop(Deque<Object> stack) {
        Object o = stack.pop();
        if (o == MARK) {
            throw new IllegalStateException("a value was expected where a mark stood");
        }
        return o;
    }

    private static List<Object> popToMark(Deque<Object> stack) {
        List<Object> items = new ArrayList<>();
        while (true) {
            Object o = stack.pop();
            if (o == MARK) {
                break;
            }
            items.add(o);
        }
        // reversed once at the end: inserting at the front made a long run of items quadratic
        java.util.Collections.reverse(items);
        return items;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    /** What APPEND and APPENDS grow: only a list the pickle made with EMPTY_LIST; a tuple (")K\x01a.") is Python's error too. */
    @SuppressWarnings("unchecked")
    private static List<Object> growing(Object o) {
        if (o instanceof ArrayList<?>) {
            return (List<Object>) o;
        }
        throw new IllegalStateException("an append to a " + (o instanceof List<?> ? "tuple" : describe(o)) + ", not a list");
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> dict(Object o) {
        if (o instanceof Opaque) {
            return new LinkedHashMap<>(); // items of an object the reader does not model are dropped
        }
        return (Map<Object, Object>) o;
    }

    private static Object memoGet(Map<Long, Object> memo, long key) {
        Object o = memo.get(key);
        if (o == null) {
            throw new IllegalStateException("memo " + key + " is read before it is written");
        }
        return o;
    }

    private static long long1(ByteBuffer in) {
        int n = in.get() & 0xff;
        if (n > 8) {
            throw new IllegalStateException("an integer of " + n + " bytes");
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (in.get() & 0xffL) << (8 * i);
        }
        if (n > 0 && n < 8 && (v & (1L << (8 * n - 1))) != 0) {
            v -= 1L << (8 * n);
        }
        return v;
    }

    private static String text(ByteBuffer in, int n) {
        byte[] b = new byte[length(in, n)];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A string's declared length, refused unless the pickle holds that many bytes still (a length is never trusted to allocate). */
    private static int length(ByteBuffer in, int n) {
        if (n < 0 || n > in.remaining()) {
            throw new IllegalStateException("a string of " + (n & 0xffffffffL) + " bytes where " + in.remaining() + " are left");
        }
        return n;
    }

    private static byte[] bytes(ByteBuffer in, int n) {
        byte[] b = new byte[length(in, n)];
        in.get(b);
        return b;
    }

    private static String line(ByteBuffer in) {
        StringBuilder sb = new StringBuilder();
        for (byte b = in.get(); b != '\n'; b = in.get()) {
            sb.append((char) b);
        }
        return sb.toString();
    }

    /** A persistent id: only tensor storages, ('storage', torch.FloatStorage, key, location, numel). */
    private static Storage storage(Object pid) {
        List<Object> t = list(pid);
        if (t.size() < 5 || !"storage".equals(t.get(0)) || !(t.get(1) instanceof Global g) || !g.module().equals("torch")) {
            throw new IllegalStateException("a persistent id that is not a tensor storage");
        }
        return new Storage(g.name(), String.valueOf(t.get(2)), (Long) t.get(4));
    }

    /** The only calls made: rebuilding a tensor or a parameter, and an empty OrderedDict; others stay opaque, never run. */
    private static Object call(Object callable, Object argsObject) {
        if (!(callable instanceof Global g)) {
            throw new IllegalStateException("a call of a " + callable.getClass().getSimpleName());
        }
        List<Object> args = list(argsObject);
        return switch (g.qualified()) {
            case "collections.OrderedDict" -> new LinkedHashMap<>();
            case "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_tensor" ->
                    new TensorRef((Storage) args.get(0), (Long) args.get(1), longs(args.get(2)), longs(args.get(3)));
            case "torch._utils._rebuild_parameter" -> args.get(0);
            default -> new Opaque(g);
        };
    }

    private static long[] longs(Object tuple) {
        List<Object> t = list(tuple);
        long[] out = new long[t.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Long) t.get(i);
        }
        return out;
    }
}
