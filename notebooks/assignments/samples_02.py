"""Writes the sample submissions of assignment 02 into OUT_DIR, with the score each must get.

    python3 samples_02.py STUDENT_VERSION.ipynb OUT_DIR
"""
import sys

import samples


def edit_test(nb):
    # The student makes the public q1 test pass whatever the answer, and worth all of q1's points:
    # grading runs the assignment's own test cells, so it counts for nothing.
    for cell in nb["cells"]:
        if cell["id"] == "q1-test":
            samples.set_source(cell, '// TEST q1\ncheck("the factorized 7x7 keeps the 17x17 grid with 192 channels", 4.0) { true }')


ANSWERS = {
    "q1-answer": '    block("seven") { conv(192, 1 x 7); conv(192, 7 x 1) }',
    "q2-answer": """    concat("mixed4") {
        branch { conv(192, 1) }
        branch { conv(c7, 1); conv(c7, 1 x 7); conv(192, 7 x 1) }
        branch { conv(c7, 1); conv(c7, 7 x 1); conv(c7, 1 x 7); conv(c7, 7 x 1); conv(192, 1 x 7) }
        branch { avgPool(3, stride = 1, padding = SAME); conv(192, 1) }
    }""",
    "q3-answer": """    concat("mixed3") {
        branch { conv(384, 3, stride = 2, padding = VALID) }
        branch { conv(64, 1); conv(96, 3); conv(96, 3, stride = 2, padding = VALID) }
        branch { maxPool(3, stride = 2) }
    }""",
    "q4-answer": '    network("plain") { input(768, 17); conv(192, 7) }.analyze().macs().toDouble() / seven.analyze().macs()',
}

SAMPLES = {
    "correct": ({}, None, (4, 5, 4, 2)),
    # a plain 7x7: the right output, but not its parameters, multiply-adds or structure; the saving
    # is then measured against itself (1.0)
    "unfactorized": ({"q1-answer": '    block("seven") { conv(192, 7) }'}, None, (1.75, 5, 4, 0)),
    # the reduction at stride 1 keeps a 33x33 grid: the shapes, multiply-adds and structure are off;
    # the parameters, which stride does not change, are right (a quarter of the hidden check)
    "no-stride": ({"q3-answer": """    concat("mixed3") {
        branch { conv(384, 3, padding = VALID) }
        branch { conv(64, 1); conv(96, 3); conv(96, 3, padding = VALID) }
        branch { maxPool(3, stride = 1) }
    }"""}, None, (4, 5, 0.75, 2)),
    "blank": (None, None, (0, 0, 0, 0)),
    # hostile or broken: block B throws (its network, and so q2, fails; the rest stands), the saving
    # ends the kernel (q4 is lost, what ran before is kept), the public test is rewritten
    "throws": ({"q2-answer": '    error("not finished")'}, None, (4, 0, 4, 2)),
    "exits": ({"q4-answer": "    run { System.exit(0); 0.0 }"}, None, (4, 5, 4, 0)),
    "edited-test": ({"q1-answer": '    block("seven") { conv(192, 7) }'}, edit_test, (1.75, 5, 4, 0)),
}

if __name__ == "__main__":
    samples.write(sys.argv[1], sys.argv[2], "02", ANSWERS, SAMPLES, ["q1", "q2", "q3", "q4"])
