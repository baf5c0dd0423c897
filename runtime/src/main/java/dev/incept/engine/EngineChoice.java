package dev.incept.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.Locale;

/** The DJL engines incept trains on. MXNet is the default on CPU; PyTorch is the CPU alternative and the GPU path. */
public enum EngineChoice {
    MXNET("MXNet"),
    PYTORCH("PyTorch");

    private final String djlName;

    EngineChoice(String djlName) {
        this.djlName = djlName;
    }

    /** The name DJL registers the engine under. */
    public String djlName() {
        return djlName;
    }

    /** Which of incept's engines {@code engine} is; the one place DJL's engine name is compared. */
    public static EngineChoice of(Engine engine) {
        for (EngineChoice e : values()) {
            if (e.djlName.equals(engine.getEngineName())) {
                return e;
            }
        }
        throw new IllegalArgumentException("incept does not train on DJL's " + engine.getEngineName() + " engine; use mxnet or pytorch");
    }

    /** The engine whose arrays {@code manager} makes. */
    public static EngineChoice of(NDManager manager) {
        return of(manager.getEngine());
    }

    /** The name run.json and the command line use. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EngineChoice parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "mxnet":
                return MXNET;
            case "pytorch":
            case "torch":
                return PYTORCH;
            default:
                throw new IllegalArgumentException("unknown engine '" + text + "'; use mxnet or pytorch");
        }
    }

    /**
     * The engine named by the system property {@code incept.engine}, else the environment variable
     * {@code INCEPT_ENGINE}, else MXNet.
     */
    public static EngineChoice fromEnvironment() {
        String p = System.getProperty("incept.engine");
        if (p == null || p.isBlank()) {
            p = System.getenv("INCEPT_ENGINE");
        }
        return p == null || p.isBlank() ? MXNET : parse(p);
    }
}
