package dev.incept.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.incept.data.DataSource;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.spec.Network;
import dev.incept.train.ActivationBudget;
import dev.incept.train.TrainConfig;

/** What a run's options name: the data, the network sized to it, the recipe, and where it runs. */
record RunSetup(String modelName, DataSource data, Network net, TrainConfig cfg, Engine engine, Device device) {
    static final int MAX_INPUT = 4096;

    /** From parsed train options; only the chosen engine loads. */
    static RunSetup of(Args a) {
        String modelName = a.positional.isEmpty() ? "inception-mini" : a.positional.get(0);
        Integer input = a.positiveInt("input");
        if (input != null && input > MAX_INPUT) {
            throw new UsageException("--input must be in [1, " + MAX_INPUT + "], got " + input);
        }
        DataSource data = DataSource.open(a.get("data", "fashion-mnist"), 3, input == null ? 32 : input);
        Network net = TrainCommand.network(a, modelName, data, input);
        TrainConfig cfg = TrainCommand.config(a, data);
        // before the engine loads: a network that cannot be allocated is refused by its figures
        ActivationBudget.check(net, cfg.batchSize());
        EngineChoice choice = a.get("engine", null) == null ? EngineChoice.fromEnvironment() : TrainCommand.engineOf(a.get("engine", null));
        Engine engine = Engines.load(choice);
        return new RunSetup(modelName, data, net, cfg, engine, TrainCommand.deviceOf(a.get("device", "cpu"), engine));
    }
}
