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
 *
 * One grading kernel checks many submissions in turn, so every read names the part (a token the
 * grader drew for one submission) it belongs to. Only the answers of the part loaded last are held,
 * and only once their load finished: a load that timed out, threw or ran out of memory leaves no
 * answers at all, and a test then fails instead of reading an earlier submission's.
 */
object Answers {
    private class Loaded(val part: String, val answers: HandedAnswers)

    private var loaded: Loaded? = null
    private var loading: String? = null

    /** In the student's sandbox: evaluates [value] and hands it back under [key]. */
    fun hand(key: String, value: () -> Any?) {
        val channel = System.getenv(HandedAnswers.ENV) ?: error("not a grading sandbox (${HandedAnswers.ENV} is not set)")
        HandedAnswers.hand(Path.of(channel), key) { value() }
    }

    /** In the grading kernel: the answers one submission handed back, for the part [part]. */
    fun load(file: String, part: String) {
        // The previous part's answers go before this one's are read: they can be neither read in its
        // place nor keep the heap this load needs. An interrupted load that finishes late is dropped.
        synchronized(this) {
            loaded = null
            loading = part
        }
        val read = HandedAnswers.read(Path.of(file))
        synchronized(this) {
            if (loading == part) {
                loaded = Loaded(part, read)
            }
        }
    }

    private fun of(part: String): HandedAnswers = synchronized(this) {
        val l = loaded
        check(l != null && l.part == part) { "this submission's answers were not loaded" }
        l.answers
    }

    fun nothing(part: String, key: String): Any? = of(part).value(key)
    fun network(part: String, key: String): Network = of(part).value(key) as Network
    /** A trained network handed back: a trainer of the grader's own holding the student's weights. */
    fun weights(part: String, key: String): Trainer = (of(part).value(key) as HandedWeights).trainer(Engines.fromEnvironment())
    fun boolean(part: String, key: String): Boolean = of(part).value(key) as Boolean
    fun int(part: String, key: String): Int = of(part).value(key) as Int
    fun long(part: String, key: String): Long = of(part).value(key) as Long
    fun double(part: String, key: String): Double = of(part).value(key) as Double
    fun float(part: String, key: String): Float = of(part).value(key) as Float
    fun string(part: String, key: String): String = of(part).value(key) as String
    fun intArray(part: String, key: String): IntArray = of(part).value(key) as IntArray
    fun longArray(part: String, key: String): LongArray = of(part).value(key) as LongArray
    fun doubleArray(part: String, key: String): DoubleArray = of(part).value(key) as DoubleArray
    fun floatArray(part: String, key: String): FloatArray = of(part).value(key) as FloatArray
    fun booleanArray(part: String, key: String): BooleanArray = of(part).value(key) as BooleanArray
    fun list(part: String, key: String): List<Any?> = of(part).value(key) as List<Any?>
}
