package dev.incept.sweep;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class SweepRulesTest {
    @Test
    void sweepsKnowNoCommandLine() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.incept.cli..", "dev.incept.command..", "dev.incept.bench..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.incept.sweep"));
    }
}
