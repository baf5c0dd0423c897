package dev.incept.jupyter

import dev.incept.run.SettingException
import dev.incept.run.TrainOption.AUX
import dev.incept.run.TrainOption.EPOCHS
import dev.incept.run.TrainOption.LABEL_SMOOTHING
import dev.incept.run.TrainOption.MODEL
import dev.incept.run.TrainOption.RECIPE
import dev.incept.run.TrainSettings
import dev.incept.run.TrainOption.NO_AUGMENT
import dev.incept.data.Augment
import dev.incept.run.NamedRecipe
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class RunSettingsTest {
    @Test
    fun settingsWrittenWithTheTablesEntriesAreTheCommandLinesSettings() {
        val built = trainSettings {
            MODEL be "inception-mini"
            RECIPE be "paper"
            LABEL_SMOOTHING be 0.1
            EPOCHS be 3
            +AUX
        }
        // what a sweep file's point and the command line (TrainWordsTest) write for the same run
        val named = TrainSettings.of(mapOf("model" to "inception-mini", "recipe" to "paper", "label-smoothing" to "0.1", "epochs" to "3",
            "aux" to "true"))
        assertEquals(named, built)
    }

    @Test
    fun aSwitchGivenAValueAValuedSettingGivenNoneOrASettingGivenTwiceIsRefusedInOneLine() {
        val switch = assertThrows<SettingException> { trainSettings { AUX be true } }
        assertTrue(switch.message!!.contains("'aux' is a switch"), switch.message)
        val valued = assertThrows<SettingException> { trainSettings { +EPOCHS } }
        assertTrue(valued.message!!.contains("'epochs' needs a value"), valued.message)
        val twice = assertThrows<SettingException> { trainSettings { EPOCHS be 3; EPOCHS be 4 } }
        assertTrue(twice.message!!.contains("given twice"), twice.message)
    }

    @Test
    fun aRecipeWrittenWithTheTablesEntriesIsTheConfigTheCommandLineWouldTrainWith() {
        val config = recipe { RECIPE be "paper"; EPOCHS be 3; LABEL_SMOOTHING be 0.1 }
        assertEquals(3, config.epochs())
        assertEquals(0.1, config.labelSmoothing())
        assertEquals(NamedRecipe.of("paper").config().optimizer(), config.optimizer())
        assertEquals(Augment(2, true), config.augment())
        assertEquals(Augment.NONE, recipe { +NO_AUGMENT }.augment())
    }

    @Test
    fun aRecipeRefusesWhatNamesARunRatherThanItsTraining() {
        val e = assertThrows<SettingException> { recipe { MODEL be "inception-mini"; EPOCHS be 2 } }
        assertTrue(e.message!!.contains("'model' is not part of a recipe"), e.message)
    }
}
