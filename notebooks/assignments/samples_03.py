"""Writes the sample submissions of assignment 03 into OUT_DIR, with the score each must get.

    python3 samples_03.py STUDENT_VERSION.ipynb OUT_DIR
"""
import sys

import samples

ANSWERS = {
    "q1-answer": '    aux("aux", after = "mixed", lossWeight = 0.3) { globalAvgPool(); dense(10) }',
    "q3-answer": "    DoubleArray(k) { if (it == label) 1 - eps + eps / k else eps / k }",
    "q4-answer": """    val config = TrainConfig.defaults().withEpochs(2).withBatchSize(64).withLimits(10_000, 10_000)
        .withLearningRate(LearningRate.constant(0.02)).withLabelSmoothing(0.1)
    val dir = java.nio.file.Files.createTempDirectory("q4").resolve("run")
    RunFolder.train(RunSpec(small, "small", config, DataSpec("fashion-mnist", null), EngineChoice.fromEnvironment(), "cpu"),
        dir, RunFolder.Options.quiet())
    Run.open(dir).trainer(null, null)""",
}

# Hands the grader weights of its own making before the real ones: for every key a hand-back could
# have, a "trained network" whose safetensors header claims a tensor of 2^40 values, another whose
# bytes are not base64, and one whose weights are a different network's. The grader must refuse each
# in the grading process and give nothing for them.
CRAFTED_WEIGHTS = """    run {
        val header = com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
        header.putObject("x").put("dtype", "F32").also { it.putArray("shape").add(1L shl 40); it.putArray("data_offsets").add(0).add(4) }
        val h = header.toString().toByteArray()
        val bytes = java.nio.ByteBuffer.allocate(8 + h.size + 4).order(java.nio.ByteOrder.LITTLE_ENDIAN)
            .putLong(h.size.toLong()).put(h).putFloat(1f).array()
        val other = network("other") { input(1, 28); conv(8, 3); globalAvgPool(); dense(10) }
        val otherWeights = Trainer(other, TrainConfig.defaults(), Engines.fromEnvironment()).use { it.weights() }
        val payloads = listOf(bytes, "not base64!".toByteArray(), otherWeights)
        val lines = StringBuilder()
        for (t in 0 until 10) {
            val line = com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("key", "t$t|trained").put("kind", "weights")
            val p = payloads[t % payloads.size]
            line.putObject("value").put("network", dev.incept.json.SpecJson.write(small))
                .put("safetensors", if (t % payloads.size == 1) String(p) else java.util.Base64.getEncoder().encodeToString(p))
            lines.append(line).append('\\n')
        }
        System.getenv("INCEPT_ANSWERS")?.let { java.io.File(it).appendText(lines.toString()) }
        Trainer(small, TrainConfig.defaults(), Engines.fromEnvironment())
    }"""

SAMPLES = {
    "correct": ({}, None, (4, 3, 3, 4)),
    # no smoothing: one-hot targets still add up to 1, but are not 0.91 and 0.01
    "one-hot": ({"q3-answer": "    DoubleArray(k) { if (it == label) 1.0 else 0.0 }"}, None, (4, 3, 1, 4)),
    # an aux head with the wrong weight: right structure, wrong weight (it still trains)
    "aux-weight": ({"q1-answer": '    aux("aux", after = "mixed", lossWeight = 1.0) { globalAvgPool(); dense(10) }'}, None, (3, 3, 3, 4)),
    # a trainer handed back without training: its accuracy is the grader's measurement, near chance
    "untrained": ({"q4-answer": "    Trainer(small, TrainConfig.defaults(), Engines.fromEnvironment())"}, None, (4, 3, 3, 0)),
    # hostile: weights of its own making on the answers channel, ahead of the real ones
    "crafted-weights": ({"q4-answer": CRAFTED_WEIGHTS}, None, (4, 3, 3, 0)),
    # hostile: the targets end the kernel; the aux head and the training run before it keep their points,
    # and the network it would have trained after is never handed back
    "exits": ({"q3-answer": "    run { System.exit(0); DoubleArray(k) }"}, None, (4, 3, 0, 0)),
}

if __name__ == "__main__":
    # checkTrains loads the engine and trains for up to 60 s in each of two kernels sharing the cores
    samples.write(sys.argv[1], sys.argv[2], "03", ANSWERS, SAMPLES, ["q1", "q2", "q3", "q4"], cell_timeout=120)
