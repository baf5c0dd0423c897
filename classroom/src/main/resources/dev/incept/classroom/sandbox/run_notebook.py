"""Executes a notebook cell by cell in a kernel of its own and writes it back after every cell, so
that what ran before a crash, a loop or a dead kernel is kept for grading.

    python3 run_notebook.py IN.ipynb OUT.ipynb KERNEL CELL_TIMEOUT_S WORK_DIR

Each cell's fate goes into its metadata as "incept": "ok" | "error" | "timeout" | "kernel died" |
"not run". Exit status 0 whatever the cells did; 2 when the kernel could not start.

A cell of line magics only (`%use incept`) loads libraries, which takes longer than a student's
cell on a loaded machine: it gets at least LOAD_SECONDS, whatever the per-cell limit.
"""
import sys

LOAD_SECONDS = 180

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


def stderr(output, mark):
    """The Kotlin kernel reports a thrown exception (a Java stack trace, "\n\tat " frames) and an
    interrupted cell on stderr, not as error outputs."""
    if output.get("output_type") != "stream" or output.get("name") != "stderr":
        return False
    text = output.get("text", "")
    return mark in ("".join(text) if isinstance(text, list) else text)


class Client(NotebookClient):
    """A cell past its limit is interrupted once; one that still has not stopped a limit later (a
    long native call, a read the interrupt does not reach) ends the run: nbclient alone would
    interrupt it again and again until the run's total limit, and every later cell would queue
    behind it."""

    async def _async_handle_timeout(self, timeout, cell=None):
        if cell is not None and cell.metadata.get("incept-interrupted"):
            raise CellTimeoutError.error_from_timeout_and_cell("Cell execution timed out", timeout, cell)
        if cell is not None:
            cell.metadata["incept-interrupted"] = True
        return await super()._async_handle_timeout(timeout, cell)


def magics_only(cell):
    lines = [line.strip() for line in cell.source.splitlines() if line.strip()]
    return bool(lines) and all(line.startswith("%") for line in lines)


def main():
    src, dst, kernel, timeout, work = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
    nb = nbformat.read(src, as_version=4)
    for cell in nb.cells:
        cell.metadata["incept"] = "not run"
    nbformat.write(nb, dst)
    # nbclient waits only 4 s by default for a cell's outputs after the kernel's reply, then drops
    # them with a log line: on a loaded machine a check's report arrived later than that and the
    # submission lost every point with "the check did not report a result". The outputs get the
    # cell's own limit, and a cell whose outputs still do not come is told as timed out.
    # The kernel's own reply says whether a cell failed: the Kotlin kernel prints a compile error
    # ("Unresolved reference") on stderr without stack frames, which the outputs alone do not tell
    # from a cell that ran.
    failed = set()

    def on_error(cell, cell_index, execute_reply):
        failed.add(cell_index)

    client = Client(nb, timeout=timeout, kernel_name=kernel, allow_errors=True, interrupt_on_timeout=True, shutdown_kernel="immediate",
                            startup_timeout=120, iopub_timeout=timeout, raise_on_iopub_timeout=True,
                            timeout_func=lambda cell: max(timeout, LOAD_SECONDS) if magics_only(cell) else timeout,
                            on_cell_error=on_error, resources={"metadata": {"path": work}})
    try:
        with client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    cell.metadata["incept"] = "ok"
                    continue
                try:
                    client.execute_cell(cell, index)
                    cell.metadata.pop("incept-interrupted", None)
                    outputs = cell.get("outputs", [])
                    if any(stderr(o, "The execution was interrupted") for o in outputs):
                        cell.metadata["incept"] = "timeout"  # nbclient interrupted it at the cell limit
                    elif index in failed or any(o.get("output_type") == "error" or stderr(o, "\n\tat ") for o in outputs):
                        cell.metadata["incept"] = "error"
                    else:
                        cell.metadata["incept"] = "ok"
                except CellTimeoutError:
                    cell.metadata["incept"] = "timeout"
                    if cell.metadata.pop("incept-interrupted", False):
                        nbformat.write(nb, dst)
                        return 0  # it would not stop: the kernel is shut down, later cells stay "not run"
                except DeadKernelError:
                    cell.metadata["incept"] = "kernel died"
                    nbformat.write(nb, dst)
                    return 0
                except CellExecutionError:
                    cell.metadata["incept"] = "error"
                nbformat.write(nb, dst)
    except DeadKernelError:
        nbformat.write(nb, dst)
        return 0
    except RuntimeError as e:
        print("kernel could not start: %s" % e, file=sys.stderr)
        return 2
    nbformat.write(nb, dst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
