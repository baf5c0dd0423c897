package dev.incept.onnx;

import com.google.protobuf.ByteString;
import dev.incept.onnx.proto.OnnxIr.AttributeProto;
import dev.incept.onnx.proto.OnnxIr.GraphProto;
import dev.incept.onnx.proto.OnnxIr.NodeProto;
import dev.incept.onnx.proto.OnnxIr.TensorProto;
import dev.incept.onnx.proto.OnnxIr.TensorShapeProto;
import dev.incept.onnx.proto.OnnxIr.TypeProto;
import dev.incept.onnx.proto.OnnxIr.ValueInfoProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;

/**
 * An ONNX graph being written: nodes in execution order, float initializers, and value names kept
 * unique (a node's output is named after the resolved path that makes it).
 */
final class OnnxGraph {
    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Set<String> names = new HashSet<>();

    OnnxGraph(String name) {
        graph.setName(name);
    }

    /** A fresh value name based on {@code base}. */
    String fresh(String base) {
        String name = base;
        for (int i = 2; !names.add(name); i++) {
            name = base + "#" + i;
        }
        return name;
    }

    /** Adds a node of {@code op} and returns the name of its single output. */
    String node(String op, String path, String[] inputs, AttributeProto... attributes) {
        String out = fresh(path + ":" + op);
        add(out, op, inputs, attributes);
        return out;
    }

    /** Adds a node of {@code op} with {@code count} outputs (a Split) and returns their names. */
    String[] nodes(String op, String path, int count, String[] inputs, AttributeProto... attributes) {
        String[] outs = new String[count];
        String name = fresh(path + ":" + op);
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name);
        for (int i = 0; i < count; i++) {
            outs[i] = fresh(name + "." + i);
            n.addOutput(outs[i]);
        }
        for (String in : inputs) {
            n.addInput(in);
        }
        for (AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        graph.addNode(n);
        return outs;
    }

    /** Adds a node whose single output has the given name (the graph's declared output). */
    void named(String out, String op, String[] inputs) {
        names.add(out);
        add(out, op, inputs);
    }

    private void add(String out, String op, String[] inputs, AttributeProto... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(out).addOutput(out);
        for (String in : inputs) {
            n.addInput(in);
        }
        for (AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        graph.addNode(n);
    }

    /** A float tensor stored in the model, little-endian as ONNX's raw data is. */
    String initializer(String base, long[] dims, float[] values) {
        String name = fresh(base);
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(bytes.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return name;
    }

    /** A 64-bit integer tensor (the axes and bounds that Slice takes as inputs). */
    String integers(String base, long... values) {
        String name = fresh(base);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE).addDims(values.length);
        for (long v : values) {
            t.addInt64Data(v);
        }
        graph.addInitializer(t);
        return name;
    }

    /** Declares a float input or output whose first dimension is the symbolic batch size. */
    ValueInfoProto value(String name, long... rest) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
        for (long d : rest) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }

    void input(ValueInfoProto v) {
        names.add(v.getName());
        graph.addInput(v);
    }

    void output(ValueInfoProto v) {
        graph.addOutput(v);
    }

    GraphProto build() {
        return graph.build();
    }

    static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto real(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }
}
