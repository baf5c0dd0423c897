package dev.incept.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.incept.data.DataSource;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.run.DataSpec;
import dev.incept.run.RunSpec;
import dev.incept.spec.Network;
import dev.incept.train.ActivationBudget;
import dev.incept.train.TrainConfig;
import java.util.Locale;

/** What a run names (its {@link RunSpec}) made real: the data loaded and the engine started. */
record RunSetup(RunSpec spec, DataSource data, Engine engine, Device device) {
    static final int MAX_INPUT = 4096;

    Network net() {
        return spec.network();
    }

    TrainConfig cfg() {
        return spec.config();
    }

    String modelName() {
        return spec.model();
    }

    /** From train options; only the chosen engine loads, and only once the network's figures were checked. */
    static RunSetup of(Args a) {
        String modelName = a.positional.isEmpty() ? "inception-mini" : a.positional.get(0);
        Integer input = a.positiveInt("input");
        if (input != null && input > MAX_INPUT) {
            throw new UsageException("--input must be in [1, " + MAX_INPUT + "], got " + input);
        }
        DataSpec dataSpec = new DataSpec(a.get("data", "fashion-mnist"), input);
        DataSource data = dataSpec.open();
        Network net = TrainCommand.network(a, modelName, data, input);
        TrainConfig cfg = TrainCommand.config(a, data);
        EngineChoice choice = a.get("engine", null) == null ? EngineChoice.fromEnvironment() : TrainCommand.engineOf(a.get("engine", null));
        String model = a.get("spec", null) != null ? a.get("spec", null) : modelName;
        RunSpec spec = new RunSpec(net, model, cfg, dataSpec, choice.name().toLowerCase(Locale.ROOT), a.get("device", "cpu"));
        return start(spec, data);
    }

    /**
     * Refuses a folder with no checkpoint to resume. A run stopped while it wrote its first
     * checkpoint is told apart from a folder incept never made, and the partial checkpoint it left
     * is removed (under the folder's lock, so never one that a live run is still writing).
     */
    static void requireCheckpoint(java.nio.file.Path runDir) {
        if (java.nio.file.Files.exists(runDir.resolve(dev.incept.train.Checkpoint.FILE_NAME))) {
            return;
        }
        boolean started = java.nio.file.Files.exists(runDir.resolve(RunSpec.FILE_NAME)) || java.nio.file.Files.exists(runDir.resolve(TrainCommand.ARGS_FILE));
        if (!started) {
            throw new UsageException("no checkpoint in " + runDir + " (is it a run folder made by incept train?)");
        }
        try (dev.incept.storage.FolderLock lock = dev.incept.storage.FolderLock.acquire(runDir)) {
            dev.incept.storage.DurableFile.removeStale(runDir);
        }
        throw new UsageException("the run in " + runDir + " stopped before its first checkpoint was complete, so there is nothing to resume;"
                + " train it again with a new --out (its partial checkpoint was removed)");
    }

    /** The record of the run in {@code runDir}, a folder that 'incept train' made and checkpointed. */
    static RunSpec saved(java.nio.file.Path runDir) {
        requireCheckpoint(runDir);
        if (java.nio.file.Files.exists(runDir.resolve(RunSpec.FILE_NAME))) {
            return dev.incept.run.Run.open(runDir).spec();
        }
        // a folder from before run.json: its options are re-read from args.txt
        Args saved = Args.parse(TrainCommand.resumedArgs(runDir, java.util.List.of()), TrainCommand.FLAGS, TrainCommand.VALUED);
        return of(saved).spec();
    }

    /** From a run folder's own record. */
    static RunSetup of(RunSpec spec) {
        return start(spec, spec.data().open());
    }

    private static RunSetup start(RunSpec spec, DataSource data) {
        // before the engine loads: a network that cannot be allocated is refused by its figures
        ActivationBudget.check(spec.network(), spec.config().batchSize());
        if (spec.config().precision().reduced() && TrainCommand.engineOf(spec.engine()) != EngineChoice.PYTORCH) {
            throw new UsageException("--precision " + spec.config().precision().label() + " needs --engine pytorch (MXNet trains in float32 only)");
        }
        Engine engine = Engines.load(TrainCommand.engineOf(spec.engine()));
        return new RunSetup(spec, data, engine, TrainCommand.deviceOf(spec.device(), engine));
    }
}
