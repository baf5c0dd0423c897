"""Writes the sample submissions of assignment 01 into OUT_DIR (01-*.ipynb): the student version
with answers filled in, right, wrong or hostile, and the score grading must give each
(OUT_DIR/expected.csv). scripts/run-assignments builds the assignment, writes these from the
student version it built, grades them and compares.

    python3 make_samples.py STUDENT_VERSION.ipynb OUT_DIR
"""
import copy
import json
import sys

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

# name: (answers by cell, extra edits, expected score per question q1, q2, q3)
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
    "edited-test": ({"q1-answer": WRONG_SHAPE}, "edit-test", (1, 3, 2)),
    "deleted-test": ({"q2-answer": "    0L"}, "delete-test", (5, 0, 2)),
    "redefined-check": ({"q2-answer": "    0L"}, "redefine-check", (5, 0, 2)),
    "blank": (None, None, (0, 0, 0)),
}


def fill(cell, body):
    src = "".join(cell["source"])
    out = []
    for line in src.split("\n"):
        if line.strip() == 'TODO("your answer")':
            out.append(body)
        else:
            out.append(line)
    text = "\n".join(out)
    lines = text.split("\n")
    cell["source"] = [l + "\n" for l in lines[:-1]] + [lines[-1]]


def main():
    student = json.load(open(sys.argv[1]))
    out = sys.argv[2]
    rows = ["submission,q1,q2,q3,total"]
    for name, (answers, edit, expected) in SAMPLES.items():
        nb = copy.deepcopy(student)
        if answers is not None:
            chosen = dict(ANSWERS)
            chosen.update(answers)
            for cell in nb["cells"]:
                if cell["id"] in chosen:
                    fill(cell, chosen[cell["id"]])
        if edit == "edit-test":
            for cell in nb["cells"]:
                if cell["id"] == "q1-test":
                    cell["source"] = ["// TEST q1\n", 'check("block 3a outputs 28x28x256", 5.0) { true }']
        if edit == "delete-test":
            nb["cells"] = [c for c in nb["cells"] if c["id"] != "q2-test"]
        if edit == "redefine-check":
            for cell in nb["cells"]:
                if cell["id"] == "setup":
                    cell["source"] = ["%use incept\n",
                                      'fun check(name: String, points: Double, body: () -> Boolean) { println("PASS $name: $points/$points") }']
        json.dump(nb, open("%s/01-%s.ipynb" % (out, name), "w"), indent=1)
        rows.append("01-%s.ipynb,%d,%d,%d,%d" % ((name,) + expected + (sum(expected),)))
    open("%s/expected.csv" % out, "w").write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
