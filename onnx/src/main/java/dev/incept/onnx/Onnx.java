package dev.incept.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.incept.analysis.Analysis;
import dev.incept.analysis.Analyzer;
import dev.incept.analysis.Convention;
import dev.incept.compile.NetworkBlock;
import dev.incept.compile.ParameterSlots;
import dev.incept.onnx.proto.OnnxIr.ModelProto;
import dev.incept.onnx.proto.OnnxIr.OperatorSetIdProto;
import dev.incept.onnx.proto.OnnxIr.StringStringEntryProto;
import dev.incept.spec.FeatureShape;
import dev.incept.spec.Network;
import dev.incept.storage.DurableFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A network and its weights as an ONNX model (opset 17, IR version 8): the graph is written from
 * the resolved description, the tensors are read from the compiled block. The batch dimension is
 * symbolic; the image size is the description's, since its shapes were resolved for it. The graph
 * computes the inference logits: batch norm with its running statistics, no dropout, no aux heads.
 */
public final class Onnx {
    public static final int OPSET = 17;
    /** The IR version of opset 17's release, which every runtime that reads opset 17 accepts. */
    public static final int IR_VERSION = 8;
    public static final String INPUT = "input";
    public static final String OUTPUT = "logits";

    private Onnx() {
    }

    /** Writes {@code block} (compiled from its network, initialised, without sibling fusion) to {@code file}, replacing it whole or not at all. */
    public static void export(NetworkBlock block, Path file) {
        export(block.network(), block, file);
    }

    /** As {@link #export(NetworkBlock, Path)}, for weights held by any block compiled from {@code network}. */
    public static void export(Network network, Block weights, Path file) {
        DurableFile.write(file, model(network, weights).toByteArray());
    }

    /** The ONNX model of {@code network} with the tensors of {@code weights}. */
    public static ModelProto model(Network network, Block weights) {
        Analysis a = Analyzer.analyze(network, Convention.PYTORCH, true);
        OnnxGraph g = new OnnxGraph(network.name());
        FeatureShape in = network.input();
        g.input(g.value(INPUT, in.channels(), in.height(), in.width()));
        String logits = new TreeToGraph(g, tensors(a, network, weights)).layers(a.layers(), INPUT);
        g.named(OUTPUT, "Identity", new String[] {logits});
        g.output(g.value(OUTPUT, Arrays.stream(a.output().dims()).asLongStream().toArray()));
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName("incept")
                .setProducerVersion(version())
                .setDocString(network.name() + " at " + in.channels() + "x" + in.height() + "x" + in.width())
                .addMetadataProps(StringStringEntryProto.newBuilder().setKey("incept.network").setValue(network.name()))
                .setGraph(g.build())
                .build();
    }

    /** The block's tensors keyed by the path and role the resolved tree gives each, checked by shape. */
    private static Map<String, TreeToGraph.Tensor> tensors(Analysis a, Network network, Block weights) {
        List<ParameterSlots.Slot> slots = ParameterSlots.of(a);
        List<Pair<String, Parameter>> params = new ArrayList<>();
        weights.getParameters().forEach(params::add);
        if (params.size() != slots.size()) {
            throw new OnnxException(network.name() + ": the block holds " + params.size() + " parameters where the description has "
                    + slots.size() + " (export a block compiled from this description, without sibling fusion)");
        }
        Map<String, TreeToGraph.Tensor> out = new HashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            ParameterSlots.Slot s = slots.get(i);
            Parameter p = params.get(i).getValue();
            if (!p.isInitialized()) {
                throw new OnnxException(network.name() + ": the block is not initialised (" + params.get(i).getKey() + " has no value)");
            }
            NDArray array = p.getArray();
            long[] shape = array.getShape().getShape();
            if (!Arrays.equals(shape, s.shape())) {
                throw new OnnxException(s.layer().path() + ": the block's " + params.get(i).getKey() + " has shape " + Arrays.toString(shape)
                        + " where the description needs " + Arrays.toString(s.shape()));
            }
            float[] values = array.getDataType() == DataType.FLOAT32 ? array.toFloatArray() : array.toType(DataType.FLOAT32, false).toFloatArray();
            out.put(TreeToGraph.key(s.layer().path(), s.role()), new TreeToGraph.Tensor(shape, values));
        }
        return out;
    }

    private static String version() {
        String v = Onnx.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
