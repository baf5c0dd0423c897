package dev.incept.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One kind of layer as a description file names it: its "type", the fields it may have, and how
 * it is read and written. Each kind's record holds its own as {@code public static final LayerType
 * TYPE}; {@link #all()} finds them through {@link Layer}'s permitted kinds, so a new kind is known
 * to the file format once its record exists.
 */
public record LayerType<L extends Layer>(String type, Class<L> javaType, List<String> fields, Reader<L> reader, Writer<L> writer) {

    public LayerType {
        fields = List.copyOf(fields);
    }

    /** Builds the layer from its fields; {@code name} was read already ("" when absent). */
    public interface Reader<L extends Layer> {
        L read(FieldsIn in, String name);
    }

    /** Writes the layer's own fields (not its type or name). */
    public interface Writer<L extends Layer> {
        void write(L layer, FieldsOut out);
    }

    public static <L extends Layer> LayerType<L> of(String type, Class<L> javaType, List<String> fields, Reader<L> reader,
                                                    Writer<L> writer) {
        return new LayerType<>(type, javaType, fields, reader, writer);
    }

    /** Writes {@code layer}, which must be of this kind. */
    public void write(Layer layer, FieldsOut out) {
        writer.write(javaType.cast(layer), out);
    }

    /** Every kind, by type name in alphabetical order. */
    public static List<LayerType<?>> all() {
        return Registry.ALL;
    }

    /** The kind named {@code type} in a file, or null. */
    public static LayerType<?> named(String type) {
        return Registry.BY_TYPE.get(type);
    }

    /** The kind of {@code layer}. */
    public static LayerType<?> of(Layer layer) {
        return Registry.BY_CLASS.get(layer.getClass());
    }

    /** Holds the table apart so that it is built once every kind's record is initialised. */
    private static final class Registry {
        static final List<LayerType<?>> ALL = find();
        static final Map<String, LayerType<?>> BY_TYPE = ALL.stream().collect(Collectors.toMap(LayerType::type, Function.identity()));
        static final Map<Class<?>, LayerType<?>> BY_CLASS = ALL.stream().collect(Collectors.toMap(LayerType::javaType, Function.identity()));

        private static List<LayerType<?>> find() {
            List<LayerType<?>> out = new ArrayList<>();
            for (Class<?> kind : Layer.class.getPermittedSubclasses()) {
                try {
                    out.add((LayerType<?>) kind.getField("TYPE").get(null));
                } catch (ReflectiveOperationException | ClassCastException e) {
                    throw new IllegalStateException(kind.getSimpleName() + " must declare public static final LayerType TYPE", e);
                }
            }
            out.sort(Comparator.comparing(LayerType::type));
            return List.copyOf(out);
        }
    }
}
