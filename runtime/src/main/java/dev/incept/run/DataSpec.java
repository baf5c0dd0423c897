package dev.incept.run;

import dev.incept.data.DataSource;

/**
 * Which data a run trains on, as the command line names it ({@code fashion-mnist[:DIR]},
 * {@code cifar10:DIR}, {@code folder:DIR}), and the input size its images are resized to (null:
 * the data's own).
 */
public record DataSpec(String source, Integer input) {
    /** Image folders are read at this size when no input size is given; their files vary. */
    static final int FOLDER_DEFAULT_SIZE = 32;

    public DataSpec {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a data specification needs a source, e.g. fashion-mnist");
        }
    }

    public DataSource open() {
        return DataSource.open(source, 3, input == null ? FOLDER_DEFAULT_SIZE : input);
    }
}
