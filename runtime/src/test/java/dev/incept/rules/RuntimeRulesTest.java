package dev.incept.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The rules of the house inside the runtime, kept by a test instead of by reviews: training knows
 * no run folder, compiling knows no training, and the runtime knows none of the modules built on it.
 */
class RuntimeRulesTest {
    private static final String[] RUNTIME = {"dev.incept.compile", "dev.incept.data", "dev.incept.engine", "dev.incept.metrics",
            "dev.incept.optim", "dev.incept.plot", "dev.incept.precision", "dev.incept.probe", "dev.incept.run", "dev.incept.storage",
            "dev.incept.train", "dev.incept.weights"};
    private static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(RUNTIME);

    @Test
    void trainingKnowsNoRunFolder() {
        noClasses().that().resideInAPackage("dev.incept.train..").should().dependOnClassesThat().resideInAPackage("dev.incept.run..")
                .check(CLASSES);
    }

    @Test
    void compilingKnowsNoTrainingOptimizerRunOrMetrics() {
        noClasses().that().resideInAPackage("dev.incept.compile..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.incept.train..", "dev.incept.optim..", "dev.incept.run..", "dev.incept.metrics..").check(CLASSES);
    }

    @Test
    void theRuntimeKnowsNoneOfTheModulesBuiltOnIt() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.incept.sweep..", "dev.incept.cli..", "dev.incept.command..",
                "dev.incept.bench..", "dev.incept.classroom..", "dev.incept.onnx..", "dev.incept.jupyter..").check(CLASSES);
    }

    @Test
    void theRuntimesPackagesFormNoCycle() {
        slices().matching("dev.incept.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
