package dev.incept.analysis;

import dev.incept.spec.LayerVisitor;

/**
 * A {@link LayerVisitor} over the resolved tree: each method is handed the resolved layer (path,
 * shapes, counts, children) and its description already cast. The compiler and the ONNX writer
 * implement it, so a new kind of layer does not compile until each of them handles it.
 */
public interface ResolvedVisitor<R> extends LayerVisitor<ResolvedLayer, R> {
}
