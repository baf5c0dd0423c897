package dev.incept.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every public type of the project, from the description to the command line, has a simple name
 * no other has, so a reader (and an IDE's import) never has to ask which {@code Limits} is meant.
 * A nested {@code Builder} is the one name left to share: it always reads as its owner's
 * ({@code Network.Builder}). The protobuf classes generated from ONNX's schema are not ours.
 */
class PublicNamesTest {
    @Test
    void noTwoPublicTypesShareASimpleName() {
        Map<String, TreeSet<String>> byName = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.incept").stream()
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC) && !c.isAnonymousClass() && !c.isLocalClass())
                .filter(c -> !c.getPackageName().startsWith("dev.incept.onnx.proto"))
                .filter(c -> !(c.isNestedClass() && c.getSimpleName().equals("Builder")))
                .collect(Collectors.groupingBy(JavaClass::getSimpleName, TreeMap::new,
                        Collectors.mapping(JavaClass::getName, Collectors.toCollection(TreeSet::new))));
        Map<String, TreeSet<String>> shared = new TreeMap<>(byName);
        shared.values().removeIf(names -> names.size() < 2);
        assertEquals(Map.of(), shared);
    }
}
