package dev.incept.onnx;

/** An export that cannot be written: a block that does not fit its description, or a file that cannot be written. */
public final class OnnxException extends RuntimeException {
    public OnnxException(String message) {
        super(message);
    }
}
