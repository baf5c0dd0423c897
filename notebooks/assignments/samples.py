"""What samples_NN.py share: the student version filled with chosen answers, edited or trimmed,
written with the score each must get.

A sample is (answers by cell id, or None to leave every TODO; an edit function or None; the expected
points per question). expected.csv lists them for scripts/check/assignments to compare.
"""
import copy
import json
import os
import shutil


def set_source(cell, text):
    lines = text.split("\n")
    cell["source"] = [l + "\n" for l in lines[:-1]] + [lines[-1]]


def fill(cell, body):
    out = [body if line.strip() == 'TODO("your answer")' else line for line in "".join(cell["source"]).split("\n")]
    set_source(cell, "\n".join(out))


def write(student_path, out_dir, prefix, correct, samples, questions, cell_timeout=20):
    """cell_timeout: the grading's limit per cell in seconds, written to OUT_DIR/cell-timeout for
    scripts/check/assignments: short where a sample loops on purpose, long enough for a training check."""
    open("%s/cell-timeout" % out_dir, "w").write("%d\n" % cell_timeout)
    student = json.load(open(student_path))
    rows = ["submission," + ",".join(questions) + ",total"]
    for name, (answers, edit, expected) in samples.items():
        nb = copy.deepcopy(student)
        if answers is not None:
            chosen = dict(correct)
            chosen.update(answers)
            for cell in nb["cells"]:
                if cell["id"] in chosen:
                    fill(cell, chosen[cell["id"]])
        if edit is not None:
            edit(nb)
        file = "%s-%s.ipynb" % (prefix, name)
        json.dump(nb, open("%s/%s" % (out_dir, file), "w"), indent=1)
        rows.append("%s,%s,%s" % (file, ",".join("%g" % p for p in expected), "%g" % sum(expected)))
    open("%s/expected.csv" % out_dir, "w").write("\n".join(rows) + "\n")


def link(out_dir, prefix, links, questions):
    """Submissions that are symbolic links, {name: target}: to the autograder's instructor notebook,
    to a classmate's submission. Each must earn nothing, whatever it points to."""
    rows = []
    for name, target in links.items():
        file = "%s-%s.ipynb" % (prefix, name)
        os.symlink(target, "%s/%s" % (out_dir, file))
        rows.append("%s,%s,0" % (file, ",".join("0" for _ in questions)))
    with open("%s/expected.csv" % out_dir, "a") as f:
        f.write("\n".join(rows) + "\n")


def rename(out_dir, names):
    """Copies of samples under file names a student chose to be hostile, {name: sample file}: each
    earns what the sample does, and its grade stays inside the grades folder ("...ipynb" would name
    the folder above it)."""
    rows = [r.split(",", 1) for r in open("%s/expected.csv" % out_dir).read().splitlines()[1:]]
    points = dict(rows)
    with open("%s/expected.csv" % out_dir, "a") as f:
        for name, sample in names.items():
            shutil.copyfile("%s/%s" % (out_dir, sample), "%s/%s" % (out_dir, name))
            f.write("%s,%s\n" % (name, points[sample]))


def raw(out_dir, name, text, questions):
    """A submission written byte for byte (too big or too odd for json.dump), which earns nothing."""
    with open("%s/%s" % (out_dir, name), "w") as f:
        f.write(text)
    with open("%s/expected.csv" % out_dir, "a") as f:
        f.write("%s,%s,0\n" % (name, ",".join("0" for _ in questions)))
