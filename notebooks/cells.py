"""The notebooks' one source: notebooks/src/NN-name.md, read as cells.

A source file is Markdown as a reader expects it: each ```kotlin fenced block is a code cell, the
text between two blocks is a markdown cell, and a line `<!-- cell -->` splits two markdown cells
that follow each other. The committed notebooks/NN-name.ipynb carry the same cells with the
outputs of a full run (scripts/notebooks/run --full NN); scripts/check/notebook-sources fails when
the two disagree.

    python3 notebooks/cells.py OUT [NN ...]   writes OUT/NN-name.ipynb (cells, no outputs) for
                                             every source, or only those whose names start so
"""
import json, os, re, sys

SOURCES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "src")
KERNEL = {"kernelspec": {"name": "kotlin-incept", "display_name": "Kotlin (incept)", "language": "kotlin"},
          "language_info": {"name": "kotlin", "codemirror_mode": "text/x-kotlin"}}
FENCE = re.compile(r"^```kotlin\n(.*?)\n```$", re.S | re.M)


def names():
    return sorted(n[:-3] for n in os.listdir(SOURCES) if n.endswith(".md"))


def cells(name):
    """(cell_type, source) pairs of notebooks/src/NAME.md."""
    text = open(os.path.join(SOURCES, name + ".md"), encoding="utf-8").read()
    out, at = [], 0
    def prose(chunk):
        for part in chunk.split("<!-- cell -->"):
            if part.strip("\n"):
                out.append(("markdown", part.strip("\n")))
    for m in FENCE.finditer(text):
        prose(text[at:m.start()])
        out.append(("code", m.group(1)))
        at = m.end()
    prose(text[at:])
    return out


def notebook(name):
    nb_cells = []
    for kind, src in cells(name):
        extra = {"execution_count": None, "outputs": []} if kind == "code" else {}
        nb_cells.append({"cell_type": kind, "metadata": {}, **extra, "source": src})
    return {"nbformat": 4, "nbformat_minor": 5, "metadata": KERNEL, "cells": nb_cells}


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out, wanted = sys.argv[1], sys.argv[2:]
    for n in names():
        if wanted and not any(n.startswith(p) for p in wanted):
            continue
        with open(os.path.join(out, n + ".ipynb"), "w", encoding="utf-8") as f:
            json.dump(notebook(n), f, indent=1, ensure_ascii=False)
            f.write("\n")
