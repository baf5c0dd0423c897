package dev.incept.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The seeds' 28% and 33% come out of the analyser, for any width and grid. */
class FactorizationTest {

    @Test
    void fiveByFiveAsTwoThreeByThreeSaves28Percent() {
        for (int width : new int[] {16, 64, 192}) {
            Factorization.Savings s = Factorization.fiveByFiveAsTwoThreeByThree(width, 35);
            assertEquals(18.0 / 25, s.costRatio(), 1e-12);
            assertEquals(0.28, s.saving(), 1e-12);
        }
    }

    @Test
    void threeByThreeAsOneByThreePlusThreeByOneSaves33Percent() {
        Factorization.Savings s = Factorization.asymmetric(3, 64, 17);
        assertEquals(1.0 / 3, s.saving(), 1e-12);
    }

    @Test
    void sevenBySevenAsymmetricCostsTwoSevenths() {
        assertEquals(2.0 / 7, Factorization.asymmetric(7, 128, 17).costRatio(), 1e-12);
    }
}
