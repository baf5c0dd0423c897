package dev.incept.jupyter

import dev.incept.classroom.answer.HandedAnswers
import dev.incept.classroom.answer.HandedWeights
import dev.incept.engine.Engines
import dev.incept.train.Trainer
import dev.incept.spec.Network
import java.nio.file.Path

/**
 * How answers cross from a student's sandboxed kernel to the grading kernel, as data. The grader
 * writes the calls: [hand] in the student's notebook where a test would run, and the readers in the
 * grading notebook, which runs only the instructor's code.
 */
object Answers {
    private var loaded = HandedAnswers(emptyMap())

    /** In the student's sandbox: evaluates [value] and hands it back under [key]. */
    fun hand(key: String, value: () -> Any?) {
        val channel = System.getenv(HandedAnswers.ENV) ?: error("not a grading sandbox (${HandedAnswers.ENV} is not set)")
        HandedAnswers.hand(Path.of(channel), key) { value() }
    }

    /** In the grading kernel: the answers one submission handed back. */
    fun load(file: String) {
        loaded = HandedAnswers.read(Path.of(file))
    }

    fun nothing(key: String): Any? = loaded.value(key)
    fun network(key: String): Network = loaded.value(key) as Network
    /** A trained network handed back: a trainer of the grader's own holding the student's weights. */
    fun weights(key: String): Trainer = (loaded.value(key) as HandedWeights).trainer(Engines.fromEnvironment())
    fun boolean(key: String): Boolean = loaded.value(key) as Boolean
    fun int(key: String): Int = loaded.value(key) as Int
    fun long(key: String): Long = loaded.value(key) as Long
    fun double(key: String): Double = loaded.value(key) as Double
    fun float(key: String): Float = loaded.value(key) as Float
    fun string(key: String): String = loaded.value(key) as String
    fun intArray(key: String): IntArray = loaded.value(key) as IntArray
    fun longArray(key: String): LongArray = loaded.value(key) as LongArray
    fun doubleArray(key: String): DoubleArray = loaded.value(key) as DoubleArray
    fun floatArray(key: String): FloatArray = loaded.value(key) as FloatArray
    fun booleanArray(key: String): BooleanArray = loaded.value(key) as BooleanArray
    fun list(key: String): List<Any?> = loaded.value(key) as List<Any?>
}
