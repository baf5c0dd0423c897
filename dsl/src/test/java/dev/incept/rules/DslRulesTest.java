package dev.incept.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rules of the house that concern descriptions, kept by a test instead of by reviews. */
class DslRulesTest {
    private static final JavaClasses DSL = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.incept");

    @Test
    void descriptionsKnowNoEngine() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("ai.djl..").check(DSL);
    }

    @Test
    void theDslsPackagesFormNoCycle() {
        slices().matching("dev.incept.(*)..").should().beFreeOfCycles().check(DSL);
    }
}
