"""Writes the sample submissions of assignment 01 into OUT_DIR (01-*.ipynb): the student version
with answers filled in, right, wrong or hostile, and the score grading must give each
(OUT_DIR/expected.csv). scripts/check/assignments builds the assignment, writes these from the
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


def replace_answer(cell_id, text):
    """An edit that rewrites a whole answer cell (a getter, helper functions), not only its TODO line."""
    def edit(nb):
        for cell in nb["cells"]:
            if cell["id"] == cell_id:
                samples.set_source(cell, text)
    return edit


BRANCH_PARAMS = """fun branchParams(build: LayersBuilder.() -> Unit): Long =
    network("branch") { input(192, 28); build() }.analyze().params()
"""

# Every way a notebook could claim points without the answer: check lines in its output, the
# graders' classes reached by reflection, check() called directly. None of it reaches the grade.
FORGED_CHECKS = BRANCH_PARAMS + """
fun forge(): Long {
    val token = "0".repeat(32)
    println("PASS saved is 137,696 parameters: 2.0/2.0")
    val q = '"'
    println("@@incept-check $token {${q}question${q}:${q}q2${q},${q}name${q}:${q}saved is 137,696 parameters${q},${q}score${q}:2.0,${q}max${q}:2.0,${q}message${q}:${q}${q}}")
    runCatching {
        val checks = Class.forName("dev.incept.classroom.check.Checks")
        for (f in checks.declaredFields) { f.isAccessible = true; println("field ${f.name} = ${runCatching { f.get(null) }.getOrNull()}") }
    }
    runCatching { dev.incept.jupyter.Grading.question("q2", token) }
    runCatching { check("saved is 137,696 parameters", 2.0) { true } }
    return 0L
}

val saved: Long get() = forge()
saved"""

# Looks for the hidden tests, the reference answer and the grader everywhere it can reach: the
# file system, other processes, the network. Finding any of them earns the points. (No needle is
# written out whole: the notebook itself is in the sandbox.)
SNOOP = BRANCH_PARAMS + """
fun snoop(): Long {
    val needles = listOf(listOf("137", "696").joinToString("_"), listOf("HIDDEN", "TEST").joinToString(" "), listOf("incept", "check").joinToString("-"))
    val found = mutableListOf<String>()
    val skip = setOf("/proc", "/sys", "/dev", "/usr")
    java.io.File("/").walkTopDown().onEnter { it.path !in skip && !java.nio.file.Files.isSymbolicLink(it.toPath()) }
        .filter { it.isFile && it.length() < 1_000_000 && !it.name.endsWith(".jar") }
        .forEach { f -> runCatching { val t = f.readText(); needles.filter { t.contains(it) }.forEach { n -> found += "$n in ${f.path}" } } }
    java.io.File("/proc").listFiles()?.filter { it.name.all(Char::isDigit) }?.forEach { p ->
        runCatching {
            val seen = java.io.File(p, "cmdline").readText() + java.io.File(p, "environ").readText()
            listOf("autograder", "assign").filter { seen.contains(it) }.forEach { found += "$it in process ${p.name}" }
        }
    }
    runCatching { java.net.Socket().use { it.connect(java.net.InetSocketAddress("1.1.1.1", 80), 2000) }; found += "the network" }
    println(found)
    return if (found.isEmpty()) 0L else listOf(137, 696).joinToString("").toLong()
}

val saved: Long = snoop()
saved"""

# Forges the executed notebook the grader reads back and the answers channel, then kills every
# process it can see, the kernel and the notebook runner among them.
REWRITE_RESULTS = BRANCH_PARAMS + """
fun rewrite(): Long {
    val q = '"'
    val pass = "{${q}output_type${q}:${q}stream${q},${q}name${q}:${q}stdout${q},${q}text${q}:[${q}PASS q2: 10/10${q}]}"
    val forged = "{${q}cells${q}:[{${q}cell_type${q}:${q}code${q},${q}id${q}:${q}q2-test${q},${q}source${q}:[],${q}metadata${q}:{}," +
        "${q}execution_count${q}:1,${q}outputs${q}:[$pass]}],${q}metadata${q}:{},${q}nbformat${q}:4,${q}nbformat_minor${q}:5}"
    runCatching { java.io.File("/out/executed.ipynb").writeText(forged) }
    System.getenv("INCEPT_ANSWERS")?.let { runCatching { java.io.File(it).appendText("{${q}key${q}:${q}forged${q},${q}value${q}:1}\\n{not json\\n") } }
    ProcessHandle.allProcesses().filter { it.pid() != ProcessHandle.current().pid() }.forEach { it.destroyForcibly() }
    Runtime.getRuntime().halt(0)
    return 0L
}

val saved: Long = rewrite()
saved"""

# Writes a marker into every folder it can reach and fills every writable disk; scripts/check/assignments
# then looks for the marker outside the sandbox.
VANDAL = """    run {
        val marker = "incept-pwned"
        java.io.File("/").walkTopDown().maxDepth(5).onEnter { it.path != "/proc" && it.path != "/sys" }
            .filter { it.isDirectory }.forEach { runCatching { java.io.File(it, marker).writeText("pwned") } }
        listOf("/tmp", System.getProperty("user.home"), "/out", "/box").forEach { dir ->
            runCatching { repeat(40) { i -> java.io.File(dir, "$marker-fill-$i").outputStream().use { o -> val b = ByteArray(1 shl 20); repeat(70) { o.write(b) } } } }
        }
        0.0
    }"""

FORK_BOMB = """    run {
        ProcessBuilder("sh", "-c", "b() { b | b & }; b").start()
        Thread.sleep(5000)
        0.0
    }"""

# The answers channel flooded past what the grader reads: 30 MB of lines that are not answers, after
# q1 and q2 were handed back (its own q3 never is). Once, the grading kernel's load of them ran past
# its cell limit and the tests read the previous submission's answers: every point.
JUNK_ANSWERS = r'''    run {
        System.getenv("INCEPT_ANSWERS")?.let { java.io.File(it).appendText("}\n".repeat(15_000_000)) }
        0.0
    }'''

# An answer that parses to millions of objects, under the very key q3 is handed back with (read from
# the notebook the sandbox runs), ahead of its real value. Once, it ran the grading kernel out of heap
# with the previous submission's answers still loaded, and the tests read those.
HUGE_ANSWER = r'''    run {
        val keys = Regex("""Answers\.hand\(\\"(.*?)\\"\)""").findAll(java.io.File("/box/in.ipynb").readText()).map { it.groupValues[1] }.toList()
        System.getenv("INCEPT_ANSWERS")?.let { channel ->
            java.io.File(channel).appendText("{\"key\":\"" + keys.last() + "\",\"kind\":\"list\",\"value\":[" + "{},".repeat(6_000_000) + "{}]}\n")
        }
        0.0
    }'''

# Bytes that are not UTF-8 on the kernel's raw standard output (the grader's kernel.log), then the
# notebook runner killed: reading that log once stopped the whole class's grading.
RAW_BYTES = """    run {
        java.io.FileOutputStream(java.io.FileDescriptor.out).apply { write(byteArrayOf(-1, -2, -61, 40, 27, 7)); flush() }
        System.err.write(byteArrayOf(-1, -2, 10)); System.err.flush()
        generateSequence(ProcessHandle.current().parent().orElse(null)) { it.parent().orElse(null) }.forEach { it.destroyForcibly() }
        Thread.sleep(5000)
        0.0
    }"""

# The right q3 only if the sandbox lets it make a user namespace, where most privilege escalations start.
USERNS = """    run {
        val made = runCatching { ProcessBuilder("/usr/bin/unshare", "-r", "/usr/bin/true").start().waitFor() == 0 }.getOrDefault(false)
        if (made) branchMacs { conv(32, 5) }.toDouble() / branchMacs { conv(16, 1); conv(32, 5) } else 0.0
    }"""

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
    "forged-checks": ({}, replace_answer("q2-answer", FORGED_CHECKS), (5, 0, 2)),
    "snoop": ({}, replace_answer("q2-answer", SNOOP), (5, 0, 2)),
    "rewrite-results": ({}, replace_answer("q2-answer", REWRITE_RESULTS), (5, 0, 0)),
    "vandal": ({"q3-answer": VANDAL}, None, (5, 3, 0)),
    "fork-bomb": ({"q3-answer": FORK_BOMB}, None, (5, 3, 0)),
    "blank": (None, None, (0, 0, 0)),
    # one submission never moves another's grade: graded on its own answers (a wrong q1) or on none
    "junk-answers": ({"q1-answer": WRONG_SHAPE, "q3-answer": JUNK_ANSWERS}, None, (1, 3, 0)),
    "huge-answer": ({"q1-answer": WRONG_SHAPE, "q3-answer": HUGE_ANSWER}, None, (1, 3, 0)),
    # ... and never stops the class's grading
    "raw-bytes": ({"q3-answer": RAW_BYTES}, None, (5, 3, 0)),
    "userns": ({"q3-answer": USERNS}, None, (5, 3, 0)),
    # a reason of its own choosing: Markdown that would fetch an image, a javascript: link, a broken
    # table cell, and 5 MB of it; feedback.md shows it as text, cut at 400 characters
    "markdown-reason": ({"q2-answer": '    error("![x](http://tracker.invalid/p.png) [click](javascript:alert(1)) a \\\\| b " + "z".repeat(5_000_000))'},
                        None, (5, 0, 2)),
}


if __name__ == "__main__":
    samples.write(sys.argv[1], sys.argv[2], "01", ANSWERS, SAMPLES, ["q1", "q2", "q3"])
    # run-assignments lays the autograder folder next to the samples' one, as a teacher's unpacked class folder might be
    samples.link(sys.argv[2], "01", {"linked-solution": "../autograder/instructor.ipynb", "linked-classmate": "01-correct.ipynb"}, ["q1", "q2", "q3"])
    samples.rename(sys.argv[2], {"...ipynb": "01-wrong-shape.ipynb", "grades.csv.ipynb": "01-correct.ipynb"})
    # a valid notebook of 8 million empty cells (24 MB): once it ran the grader out of heap copying it
    samples.raw(sys.argv[2], "01-many-cells.ipynb",
                '{"cells":[' + '{},' * 8_000_000 + '{}],"metadata":{},"nbformat":4,"nbformat_minor":5}', ["q1", "q2", "q3"])
