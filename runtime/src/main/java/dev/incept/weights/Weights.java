package dev.incept.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.incept.analysis.Analysis;
import dev.incept.analysis.Analyzer;
import dev.incept.analysis.Convention;
import dev.incept.spec.Network;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Published weights into a compiled zoo network: torchvision's tensors, named as torchvision names
 * them, onto the network's parameters through the resolved description, each checked by shape.
 * Everything is checked before anything is written, so a bad file leaves the network as it was.
 * A classifier whose class count differs from the file's is left as initialised and reported
 * (fine-tuning on another data set); so are the file's aux-head tensors when the network is built
 * without aux heads, as torchvision drops them; any other difference is an error.
 */
public final class Weights {
    /**
     * What was loaded: the number of tensors, the classifier tensors left as they were, and the
     * file's aux-head tensors left out because the network has no aux heads.
     */
    public record LoadReport(int tensors, List<String> classifierKept, List<String> auxSkipped) {
    }

    private Weights() {
    }

    /**
     * Loads {@code file} (safetensors, or a state dict that torch.save wrote) into {@code block},
     * compiled from {@code network} and initialised: by incept's own names when the file holds them
     * (what {@link #own} writes, for any network), else by the published names of the zoo's models.
     */
    public static LoadReport load(Block block, Network network, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new WeightsException(file + ": no such file");
        }
        Analysis a = Analyzer.analyze(network, Convention.PYTORCH, true);
        Map<String, StoredTensor> tensors = read(file);
        List<PublishedNames.Name> own = OwnNames.of(a);
        boolean isOwn = !own.isEmpty() && own.stream().allMatch(n -> tensors.containsKey(n.key()));
        // a network without published names can only have been saved by its own; a mismatch names its tensors
        List<PublishedNames.Name> names = isOwn || !PublishedNames.known(network.name()) ? own : PublishedNames.of(a);
        if (names == own && !own.isEmpty() && own.stream().noneMatch(n -> tensors.containsKey(n.key()))) {
            throw new WeightsException(file + ": no tensor is named as incept names " + network.name() + "'s (" + own.get(0).key()
                    + ", ...); published names are known only for googlenet-3x3, inception-v3, inception-v4, inception-resnet-v2 and inception-next-*");
        }
        List<Pair<String, Parameter>> params = parameters(block, network, names);
        List<String> problems = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            PublishedNames.Name n = names.get(i);
            StoredTensor t = tensors.get(n.key());
            long[] want = params.get(i).getValue().getArray().getShape().getShape();
            if (t == null) {
                problems.add("tensor " + n.key() + " is missing (for " + n.path() + ", shape " + Arrays.toString(want) + ")");
                continue;
            }
            used.add(n.key());
            if (!Arrays.equals(t.shape(), want)) {
                if (n.classifier() && t.shape().length == want.length && t.shape().length > 0
                        && Arrays.equals(Arrays.copyOfRange(t.shape(), 1, t.shape().length), Arrays.copyOfRange(want, 1, want.length))) {
                    kept.add(n.key());
                    continue;
                }
                problems.add("tensor " + n.key() + " has shape " + t.shapeText() + " but " + n.path() + " needs " + Arrays.toString(want));
            }
        }
        List<String> skipped = new ArrayList<>();
        for (String k : tensors.keySet()) {
            if (!used.contains(k) && !kept.contains(k) && a.aux().isEmpty() && PublishedNames.auxHead(k)) {
                skipped.add(k);
            } else if (!used.contains(k) && !kept.contains(k)) {
                problems.add("unexpected tensor " + k + " " + tensors.get(k).shapeText() + " (nothing in " + network.name() + " takes it)");
            }
        }
        if (!problems.isEmpty()) {
            throw new WeightsException(file + ": " + problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : "")
                    + "; nothing was loaded");
        }
        int loaded = 0;
        for (int i = 0; i < names.size(); i++) {
            if (kept.contains(names.get(i).key())) {
                continue;
            }
            NDArray target = params.get(i).getValue().getArray();
            float[] values = tensors.get(names.get(i).key()).values();
            if (target.getDataType() == ai.djl.ndarray.types.DataType.FLOAT64) {
                // a network kept in float64 (a reference computation) takes the same values widened
                target.set(java.nio.DoubleBuffer.wrap(widen(values)));
            } else {
                target.set(FloatBuffer.wrap(values));
            }
            loaded++;
        }
        return new LoadReport(loaded, List.copyOf(kept), List.copyOf(skipped));
    }

    /**
     * {@code block}'s tensors as they are now, by incept's own names (each layer's path and the
     * tensor's role), in PyTorch's layout: a file {@link #load} reads back into any block compiled
     * from the same description.
     */
    public static List<StoredTensor> own(Block block, Network network) {
        List<PublishedNames.Name> names = OwnNames.of(Analyzer.analyze(network, Convention.PYTORCH, true));
        List<Pair<String, Parameter>> params = parameters(block, network, names);
        List<StoredTensor> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            NDArray array = params.get(i).getValue().getArray();
            out.add(new StoredTensor(names.get(i).key(), array.getShape().getShape(), floats(array)));
        }
        return out;
    }

    /** {@code block}'s parameters, one for each of {@code names}, in the order the description lists them. */
    private static List<Pair<String, Parameter>> parameters(Block block, Network network, List<PublishedNames.Name> names) {
        List<Pair<String, Parameter>> params = new ArrayList<>();
        block.getParameters().forEach(params::add);
        if (params.size() != names.size()) {
            throw new WeightsException(network.name() + ": the compiled network has " + params.size() + " parameters where its description names "
                    + names.size() + " (compile it without sibling fusion)");
        }
        return params;
    }

    private static float[] floats(NDArray array) {
        if (array.getDataType() != ai.djl.ndarray.types.DataType.FLOAT64) {
            return array.toFloatArray();
        }
        double[] d = array.toDoubleArray();
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static double[] widen(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** A zip (torch.save since PyTorch 1.6) or a safetensors file; a bare pickle is named as what it is. */
    static Map<String, StoredTensor> read(Path file) {
        byte[] magic = head(file);
        if (magic.length >= 2 && magic[0] == 'P' && magic[1] == 'K') {
            return TorchSave.read(file);
        }
        // pickle's PROTO opcode and an opcode after it (torch.save's legacy format, or a pickle written
        // by hand); a safetensors header length that starts so has zero bytes after it
        if (magic.length == 3 && (magic[0] & 0xff) == 0x80 && magic[1] >= 2 && magic[1] <= 5 && magic[2] != 0) {
            throw new WeightsException(file + ": a bare pickle (torch.save's format before PyTorch 1.6, or pickle.dump), which incept"
                    + " does not read; save it again with a current torch.save, or as safetensors");
        }
        return SafeTensors.read(file);
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(3);
        } catch (IOException e) {
            throw new WeightsException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

}
