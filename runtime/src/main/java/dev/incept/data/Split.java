package dev.incept.data;

/** Which half of a data set: the images trained on, or those held out to test. */
public enum Split {
    TRAIN, TEST
}
