"""Writes the sample submissions of assignment 03 into OUT_DIR, with the score each must get.

    python3 samples_03.py STUDENT_VERSION.ipynb OUT_DIR
"""
import sys

import samples

ANSWERS = {
    "q1-answer": '    aux("aux", after = "mixed", lossWeight = 0.3) { globalAvgPool(); dense(10) }',
    "q3-answer": "    DoubleArray(k) { if (it == label) 1 - eps + eps / k else eps / k }",
}

SAMPLES = {
    "correct": ({}, None, (4, 3, 3)),
    # no smoothing: one-hot targets still add up to 1, but are not 0.91 and 0.01
    "one-hot": ({"q3-answer": "    DoubleArray(k) { if (it == label) 1.0 else 0.0 }"}, None, (4, 3, 1)),
    # an aux head with the wrong weight: right structure, wrong weight
    "aux-weight": ({"q1-answer": '    aux("aux", after = "mixed", lossWeight = 1.0) { globalAvgPool(); dense(10) }'}, None, (3, 3, 3)),
    # hostile: the targets end the kernel; the aux head and the training run before it keep their points
    "exits": ({"q3-answer": "    run { System.exit(0); DoubleArray(k) }"}, None, (4, 3, 0)),
}

if __name__ == "__main__":
    # checkTrains loads the engine and trains for up to 60 s in each of two kernels sharing the cores
    samples.write(sys.argv[1], sys.argv[2], "03", ANSWERS, SAMPLES, ["q1", "q2", "q3"], cell_timeout=120)
