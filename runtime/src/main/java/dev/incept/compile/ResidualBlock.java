package dev.incept.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * out = act(shortcut(x) + scale * project(body(x))): Inception-ResNet's scaled residual with the
 * projection optional, or Xception's, whose shortcut has layers of its own.
 */
final class ResidualBlock extends AbstractBlock {
    private final Block body;
    private final Block project;
    private final float scale;
    private final java.util.function.UnaryOperator<NDArray> activation;
    private final Block shortcut;
    private final float dropPath;

    ResidualBlock(String bodyName, Block body, String projectName, Block project, double scale,
                  java.util.function.UnaryOperator<NDArray> activation, String shortcutName, Block shortcut,
                  double dropPath) {
        this.body = addChildBlock(bodyName, body);
        this.project = project == null ? null : addChildBlock(projectName, project);
        this.scale = (float) scale;
        this.activation = activation;
        this.shortcut = shortcut == null ? null : addChildBlock(shortcutName, shortcut);
        this.dropPath = (float) dropPath;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = shortcut == null ? inputs.singletonOrThrow() : shortcut.forward(ps, inputs, training, params).singletonOrThrow();
        NDList y = body.forward(ps, inputs, training, params);
        if (project != null) {
            y = project.forward(ps, y, training, params);
        }
        NDArray branch = y.singletonOrThrow();
        if (training && dropPath > 0) {
            // Stochastic depth: each example keeps the branch with probability 1 - rate, scaled up to keep its mean.
            long[] perExample = new long[branch.getShape().dimension()];
            java.util.Arrays.fill(perExample, 1);
            perExample[0] = branch.getShape().get(0);
            NDArray keep = branch.getManager().randomUniform(0f, 1f, new Shape(perExample), branch.getDataType())
                    .gte(dropPath).toType(branch.getDataType(), false);
            branch = branch.mul(keep).div(1f - dropPath);
        }
        NDArray sum = scale == 1f ? x.add(branch) : x.add(branch.mul(scale));
        return new NDList(activation.apply(sum));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        body.initialize(manager, dataType, inputShapes);
        if (project != null) {
            project.initialize(manager, dataType, body.getOutputShapes(inputShapes));
        }
        if (shortcut != null) {
            shortcut.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return shortcut == null ? new Shape[] {inputShapes[0]} : shortcut.getOutputShapes(inputShapes);
    }
}
