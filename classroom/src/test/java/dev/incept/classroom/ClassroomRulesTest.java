package dev.incept.classroom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ClassroomRulesTest {
    private static final com.tngtech.archunit.core.domain.JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.incept.classroom");

    @Test
    void theClassroomKnowsNoCommandLine() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.incept.cli..", "dev.incept.command..", "dev.incept.bench..")
                .check(CLASSES);
    }

    /** The sandbox runs a notebook file in a kernel of its own; what the notebook is for is the grader's business. */
    @Test
    void theSandboxAndItsKernelsKnowNothingOfGrading() {
        noClasses().that().resideInAPackage("dev.incept.classroom.sandbox..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.incept.classroom.grade..", "dev.incept.classroom.answer..", "dev.incept.classroom.assign..",
                        "dev.incept.classroom.check..", "dev.incept.classroom.notebook..")
                .check(CLASSES);
    }
}
