package dev.incept.run;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.incept.engine.EngineChoice;
import dev.incept.engine.Engines;
import dev.incept.precision.ActivationBudget;

/** Where a run's steps execute: its engine, loaded, and its device. */
public record Placement(Engine engine, Device device) {
    /**
     * The engine and device {@code spec} names. The network's figures are checked first, so a run
     * that cannot be allocated is refused before any native library loads; only the named engine loads.
     */
    public static Placement of(RunSpec spec) {
        try {
            ActivationBudget.check(spec.network(), spec.config().batchSize());
        } catch (IllegalArgumentException e) {
            throw new SettingException(e.getMessage());
        }
        EngineChoice choice = spec.engine();
        if (spec.config().precision().reduced() && choice != EngineChoice.PYTORCH) {
            throw new SettingException("--precision " + spec.config().precision().label() + " needs --engine pytorch (MXNet trains in float32 only)");
        }
        Engine engine = Engines.load(choice);
        return new Placement(engine, device(spec.device(), engine));
    }

    private static Device device(String name, Engine engine) {
        switch (name) {
            case "cpu":
                return Device.cpu();
            case "gpu":
                if (engine.getGpuCount() == 0) {
                    throw new SettingException("--device gpu: the " + engine.getEngineName()
                            + " engine sees no GPU here; use --engine pytorch with a CUDA libtorch (PYTORCH_LIBRARY_PATH)");
                }
                return Device.gpu();
            default:
                throw new SettingException("--device must be cpu or gpu, got '" + name + "'");
        }
    }
}
