package dev.incept.spec;

import java.util.List;

/**
 * A layer where the analysis put it: the shapes it reads and writes, and its children as resolved
 * (a repeat's copies, a residual's added projection). What a kind says about itself that depends
 * on its place, its label and its parameters, reads this; the resolved tree implements it.
 */
public interface Placed {
    Layer layer();

    FeatureShape input();

    FeatureShape output();

    List<? extends Placed> children();
}
