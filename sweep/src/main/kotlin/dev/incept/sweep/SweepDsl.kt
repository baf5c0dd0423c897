package dev.incept.sweep

import dev.incept.run.TrainOption

/** Keeps the sweep builder's functions to its own block, as kotlinx.html does. */
@DslMarker
annotation class SweepDsl

/**
 * A sweep written in Kotlin, the same as its sweep file:
 * ```
 * val spec = sweep("smoothing") {
 *     base("model" to "inception-mini", "epochs" to 3)
 *     variant("wide", "model" to "inception-mini-2x")
 *     grid("label-smoothing", 0, 0.1)
 *     grid("seed", 1, 2, 3)
 * }
 * ```
 * Each function also takes the option table's own entries ([TrainOption]) for names, so that a
 * misspelt setting does not compile: `base(MODEL to "inception-mini", EPOCHS to 3)`.
 */
fun sweep(name: String, body: SweepScope.() -> Unit): SweepSpec = SweepScope(name).apply(body).build()

@SweepDsl
class SweepScope internal constructor(name: String) {
    private val builder = SweepSpec.named(name)

    /** Settings every point starts from, named as 'incept train' names its options. */
    fun base(vararg settings: Pair<String, Any>) {
        settings.forEach { (setting, value) -> builder.base(setting, value) }
    }

    /** A named bundle of settings, chosen by the setting "variant". */
    fun variant(name: String, vararg settings: Pair<String, Any>) {
        builder.variant(name, *flat(settings))
    }

    /** An axis of the full grid: every point takes each of these values in turn. */
    fun grid(setting: String, vararg values: Any) {
        builder.grid(setting, *values)
    }

    /** One listed point (crossed with the grid when there is one). */
    fun point(vararg settings: Pair<String, Any>) {
        builder.point(*flat(settings))
    }

    /** [base] with the option table's entries for names. */
    @JvmName("baseOf")
    fun base(vararg settings: Pair<TrainOption, Any>) = base(*keyed(settings))

    /** [variant] with the option table's entries for names. */
    @JvmName("variantOf")
    fun variant(name: String, vararg settings: Pair<TrainOption, Any>) = variant(name, *keyed(settings))

    /** [grid] over one of the option table's entries. */
    fun grid(setting: TrainOption, vararg values: Any) = grid(setting.key(), *values)

    /** [point] with the option table's entries for names. */
    @JvmName("pointOf")
    fun point(vararg settings: Pair<TrainOption, Any>) = point(*keyed(settings))

    internal fun build(): SweepSpec = builder.build()

    private fun keyed(settings: Array<out Pair<TrainOption, Any>>): Array<Pair<String, Any>> =
        settings.map { (option, value) -> option.key() to value }.toTypedArray()

    private fun flat(settings: Array<out Pair<String, Any>>): Array<Any> =
        settings.flatMap { listOf(it.first, it.second) }.toTypedArray()
}
