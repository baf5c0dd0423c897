package dev.incept.cli;

import dev.incept.command.UsageException;

import dev.incept.json.SpecJson;
import dev.incept.spec.FeatureShape;
import dev.incept.spec.Network;
import dev.incept.zoo.ModelConfig;
import dev.incept.zoo.Zoo;
import java.nio.file.Path;

/** A network named on the command line: a zoo model, or a description file (incept/1 JSON). */
final class NetworkArg {
    private NetworkArg() {
    }

    /** With the size options that apply to it; {@code null} options leave the model's or file's own. */
    static Network zoo(String name, Integer input, Integer channels, Integer classes, boolean aux, boolean auxBatchNorm) {
        Zoo.Model model = Zoo.find(name).orElseThrow(() -> new UsageException("unknown model '" + name + "'; try 'incept models'"));
        ModelConfig own = model.defaults();
        ModelConfig cfg = new ModelConfig(classes == null ? own.classes() : classes, channels == null ? own.channels() : channels,
                input == null ? own.inputSize() : input, aux, auxBatchNorm);
        return model.build(cfg);
    }

    static Network file(Path file, Integer input, Integer channels) {
        Network net = SpecJson.read(file);
        FeatureShape s = net.input();
        return net.withInput(FeatureShape.of(channels == null ? s.channels() : channels,
                input == null ? s.height() : input, input == null ? s.width() : input));
    }

    /** A file when the argument names one (or ends in .json), else a zoo model. */
    static Network either(String arg, Integer input, Integer channels, Integer classes, boolean aux) {
        if (arg.endsWith(".json") || java.nio.file.Files.isRegularFile(Path.of(arg))) {
            return file(Path.of(arg), input, channels);
        }
        String kind = Zoo.find(arg).isPresent() ? null : dev.incept.storage.FileKind.ofSpecial(Path.of(arg));
        if (kind != null && !kind.equals("nothing")) {
            throw new UsageException(arg + ": " + kind + ", not a description file (incept/1 JSON) nor a zoo model; try 'incept models'");
        }
        return zoo(arg, input, channels, classes, aux, true);
    }
}
