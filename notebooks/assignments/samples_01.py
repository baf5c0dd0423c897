"""Writes the sample submissions of assignment 01 into OUT_DIR (01-*.ipynb): the student version
with answers filled in, right, wrong or hostile, and the score grading must give each
(OUT_DIR/expected.csv). scripts/run-assignments builds the assignment, writes these from the
student version it built, grades them and compares.

    python3 samples_01.py STUDENT_VERSION.ipynb OUT_DIR
"""
import sys

import samples

ANSWERS = {
    "q1-answer": """    concat("3a") {
        branch { conv(64, 1) }
        branch { conv(96, 1); conv(128, 3) }
        branch { conv(16, 1); conv(32, 5) }
        branch { maxPool(3, stride = 1, padding = SAME); conv(32, 1) }
    }""",
    "q2-answer": "    branchParams { conv(32, 5) } - branchParams { conv(16, 1); conv(32, 5) }",
    "q3-answer": "    branchMacs { conv(32, 5) }.toDouble() / branchMacs { conv(16, 1); conv(32, 5) }",
}
NO_BOTTLENECK = ANSWERS["q1-answer"].replace("branch { conv(16, 1); conv(32, 5) }", "branch { conv(32, 5) }")
WRONG_SHAPE = ANSWERS["q1-answer"].replace("conv(64, 1) }", "conv(48, 1) }")

def edit_test(nb):
    for cell in nb["cells"]:
        if cell["id"] == "q1-test":
            samples.set_source(cell, '// TEST q1\ncheck("block 3a outputs 28x28x256", 5.0) { true }')


def delete_test(nb):
    nb["cells"] = [c for c in nb["cells"] if c["id"] != "q2-test"]


def redefine_check(nb):
    for cell in nb["cells"]:
        if cell["id"] == "setup":
            samples.set_source(cell, '%use incept\nfun check(name: String, points: Double, body: () -> Boolean) { println("PASS $name: $points/$points") }')


# name: (answers by cell, an edit or None, expected points for q1, q2, q3); the edits are defined below
SAMPLES = {
    "correct": ({}, None, (5, 3, 2)),
    # the public shape check, and a quarter of the architecture check (the output shape); the
    # parameters, multiply-adds and structure differ
    "no-bottleneck": ({"q1-answer": NO_BOTTLENECK}, None, (2, 3, 2)),
    "wrong-shape": ({"q1-answer": WRONG_SHAPE}, None, (1, 3, 2)),
    "throws": ({"q2-answer": '    error("I did not finish this one")'}, None, (5, 0, 2)),
    "infinite-loop": ({"q3-answer": "    run { while (true) { }; 0.0 }"}, None, (5, 3, 0)),
    "exits": ({"q2-answer": "    run { System.exit(0); 0L }"}, None, (5, 0, 0)),
    "huge-allocation": ({"q3-answer": "    LongArray(Int.MAX_VALUE - 8).size.toDouble()"}, None, (5, 3, 0)),
    "edited-test": ({"q1-answer": WRONG_SHAPE}, edit_test, (1, 3, 2)),
    "deleted-test": ({"q2-answer": "    0L"}, delete_test, (5, 0, 2)),
    "redefined-check": ({"q2-answer": "    0L"}, redefine_check, (5, 0, 2)),
    "blank": (None, None, (0, 0, 0)),
}


if __name__ == "__main__":
    samples.write(sys.argv[1], sys.argv[2], "01", ANSWERS, SAMPLES, ["q1", "q2", "q3"])
