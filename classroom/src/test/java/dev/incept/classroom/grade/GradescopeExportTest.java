package dev.incept.classroom.grade;

import dev.incept.classroom.sandbox.KernelRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incept.classroom.Notebooks;
import dev.incept.classroom.assign.Assignment;
import dev.incept.classroom.notebook.NotebookException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradescopeExportTest {
    private static final KernelRun.Allowance LIMITS = new KernelRun.Allowance(60, 600, 2048);

    @Test
    void theZipCarriesEveryModuleThePomNamesAndLeavesBuildOutputsAndToolStateOut(@TempDir Path tmp) throws IOException {
        Path project = project(tmp.resolve("incept"), "dsl", "onnx", "sweep");
        write(project.resolve("bench/2026-01-01.md"), "dated figures");
        Path zip = tmp.resolve("out.zip");
        int count = GradescopeExport.write(autograder(tmp.resolve("ag")), project, LIMITS, false, zip);
        List<String> names = entries(zip);
        assertEquals(count, names.size());
        for (String module : List.of("dsl", "onnx", "sweep")) {
            assertTrue(names.contains("incept/" + module + "/pom.xml"), module + " missing from " + names);
        }
        assertTrue(names.containsAll(List.of("setup.sh", "run_autograder", "autograder/instructor.ipynb", "autograder/checks.json",
                "incept/pom.xml", "incept/scripts/setup/notebooks")), names.toString());
        assertTrue(names.stream().noneMatch(n -> n.contains("/target/") || n.contains("/.") || n.startsWith("incept/bench")), names.toString());
    }

    @Test
    void runAutograderGradesInTheSandboxUnlessTheTeacherAcceptsTheRiskByName(@TempDir Path tmp) throws IOException {
        Path project = project(tmp.resolve("incept"), "dsl");
        Path ag = autograder(tmp.resolve("ag"));
        GradescopeExport.write(ag, project, LIMITS, false, tmp.resolve("safe.zip"));
        GradescopeExport.write(ag, project, LIMITS, true, tmp.resolve("unsafe.zip"));
        String safe = entry(tmp.resolve("safe.zip"), "run_autograder");
        String unsafe = entry(tmp.resolve("unsafe.zip"), "run_autograder");
        assertTrue(safe.contains("assign grade") && !safe.contains("unsafe"), safe);
        assertTrue(unsafe.contains("--memory 2048 \\\n    --unsafe-no-sandbox > \"$grades/log.txt\""), unsafe);
    }

    @Test
    void aFolderThatIsNotInceptsSourcesIsRefusedBeforeAnythingIsWritten(@TempDir Path tmp) throws IOException {
        Path zip = tmp.resolve("out.zip");
        Path ag = autograder(tmp.resolve("ag"));
        Files.createDirectories(tmp.resolve("elsewhere"));
        NotebookException e = assertThrows(NotebookException.class, () -> GradescopeExport.write(ag, tmp.resolve("elsewhere"), LIMITS, false, zip));
        assertTrue(e.getMessage().contains("is not incept's source folder"), e.getMessage());
        assertTrue(Files.notExists(zip));
    }

    private static Path project(Path root, String... modules) throws IOException {
        StringBuilder pom = new StringBuilder("<project>\n  <modules>\n");
        for (String m : modules) {
            pom.append("    <module>").append(m).append("</module>\n");
            write(root.resolve(m + "/pom.xml"), "<project/>");
            write(root.resolve(m + "/src/main/java/A.java"), "class A {}");
            write(root.resolve(m + "/target/classes/A.class"), "built");
            write(root.resolve(m + "/.idea/state"), "tool state");
        }
        write(root.resolve("pom.xml"), pom.append("  </modules>\n</project>\n").toString());
        write(root.resolve("scripts/setup/notebooks"), "#!/bin/sh\n");
        write(root.resolve("incept"), "#!/bin/sh\n");
        return root;
    }

    private static Path autograder(Path dir) throws IOException {
        new Autograder(Assignment.of("a1", Notebooks.of("setup", "%use incept", "t", "// TEST q1\ncheck(\"ok\", 1.0) { true }")),
                List.of(new ExpectedCheck("q1", "ok", 1.0, false))).save(dir);
        return dir;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String entry(Path zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " is not in " + zip);
    }

    private static List<String> entries(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
