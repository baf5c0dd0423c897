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
            throw new SettingException(TrainOption.PRECISION, spec.config().precision().label()
                    + " needs the PyTorch engine (MXNet trains in float32 only)");
        }
        Engine engine = Engines.load(choice);
        return new Placement(engine, device(spec.device(), engine));
    }

    private static Device device(DeviceChoice choice, Engine engine) {
        if (choice == DeviceChoice.GPU && engine.getGpuCount() == 0) {
            throw new SettingException(TrainOption.DEVICE, "gpu: the " + engine.getEngineName()
                    + " engine sees no GPU here; use the PyTorch engine with a CUDA libtorch (PYTORCH_LIBRARY_PATH)");
        }
        return choice == DeviceChoice.GPU ? Device.gpu() : Device.cpu();
    }
}
