package dev.incept.jupyter

import dev.incept.data.Augment
import dev.incept.run.RunSpec
import dev.incept.run.SettingException
import dev.incept.run.TrainOption
import dev.incept.run.TrainSettings
import dev.incept.train.TrainConfig

/** Keeps the settings builder's functions to its own block. */
@DslMarker
annotation class RunSettingsDsl

/**
 * A run's settings written with the option table's own entries ([TrainOption], after
 * `import dev.incept.run.TrainOption.*`): a name that is not in the table does not compile, and
 * every value is checked as `incept train` checks its command line, when the spec is made.
 * ```
 * val spec = runSpec {
 *     MODEL be "inception-mini"
 *     RECIPE be "paper"
 *     LABEL_SMOOTHING be 0.1
 *     +AUX
 * }
 * RunFolder.train(spec, dir, RunFolder.Options.quiet())
 * ```
 */
fun trainSettings(body: RunSettingsScope.() -> Unit): TrainSettings = RunSettingsScope().apply(body).build()

/** The whole run of [trainSettings]; opens its data to learn the network's input and class count. */
fun runSpec(body: RunSettingsScope.() -> Unit): RunSpec = trainSettings(body).spec()

/**
 * A [TrainConfig] (recipe, budget, execution) written with the same entries, for a [Trainer]
 * driven by hand; [augment] is what the data calls for (Fashion-MNIST's shifts and flips by
 * default) unless `+NO_AUGMENT` is given. What names a run rather than its training (MODEL, DATA,
 * ENGINE, ...) is refused.
 * ```
 * val config = recipe { RECIPE be "paper"; EPOCHS be 3; LABEL_SMOOTHING be 0.1 }
 * ```
 */
fun recipe(augment: Augment = Augment(2, true), body: RunSettingsScope.() -> Unit): TrainConfig =
    trainSettings(body).configOnly(augment)

@RunSettingsDsl
class RunSettingsScope internal constructor() {
    private val values = linkedMapOf<String, String>()

    /** A valued setting. */
    infix fun TrainOption.be(value: Any) {
        if (isFlag) throw SettingException("'${key()}' is a switch and takes no value: write +${name}")
        set(this, value.toString())
    }

    /** A switch turned on. */
    operator fun TrainOption.unaryPlus() {
        if (!isFlag) throw SettingException("'${key()}' needs a value: write $name be VALUE")
        set(this, "true")
    }

    private fun set(option: TrainOption, value: String) {
        if (values.put(option.key(), value) != null) throw SettingException("'${option.key()}' is given twice")
    }

    internal fun build(): TrainSettings = TrainSettings.of(values)
}
