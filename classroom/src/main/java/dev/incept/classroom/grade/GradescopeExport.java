package dev.incept.classroom.grade;

import dev.incept.classroom.sandbox.KernelRun;
import dev.incept.classroom.notebook.NotebookException;
import dev.incept.storage.DurableFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An autograder folder as a Gradescope autograder zip: {@code setup.sh} (run once when Gradescope
 * builds its image: Java, Maven, Jupyter, then incept built from the sources in the zip and its
 * Kotlin kernel), {@code run_autograder} (run per submission: {@code incept assign grade} on the
 * submitted notebook, results.json where Gradescope reads it), the autograder folder, and incept's
 * own sources: every module the project's pom.xml names, so that the image builds the same reactor.
 * Gradescope unpacks the zip into /autograder/source.
 */
public final class GradescopeExport {
    /** Besides the modules, what the image needs to build incept and its kernel; documentation, bench and notebooks stay out. */
    private static final List<String> BUILD_FILES = List.of("pom.xml", "incept", "scripts", "notebooks/kernel");
    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");

    private GradescopeExport() {
    }

    /**
     * Writes the zip; {@code project} is incept's source folder. Returns the number of files in it.
     * {@code unsandboxed}: the teacher accepts, by name, grading without bubblewrap where the image
     * cannot make a sandbox (student code can then forge its grade).
     */
    public static int write(Path autograder, Path project, KernelRun.Allowance limits, boolean unsandboxed, Path zip) throws IOException {
        Autograder.load(autograder);
        if (!Files.isRegularFile(project.resolve("scripts/setup/notebooks")) || !Files.isRegularFile(project.resolve("pom.xml"))) {
            throw new NotebookException("assign export: " + project.toAbsolutePath()
                    + " is not incept's source folder (run it from the project's folder)");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int files = 0;
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            files += text(z, "setup.sh", setup());
            files += text(z, "run_autograder", runAutograder(limits, unsandboxed));
            files += tree(z, autograder, "autograder");
            for (String s : sources(project)) {
                Path p = project.resolve(s);
                if (Files.exists(p)) {
                    files += tree(z, p, "incept/" + s);
                }
            }
        }
        DurableFile.write(zip, bytes.toByteArray());
        return files;
    }

    /** The build files and every module of the project's pom.xml, in that order. */
    static List<String> sources(Path project) throws IOException {
        List<String> all = new ArrayList<>(BUILD_FILES);
        Matcher m = MODULE.matcher(Files.readString(project.resolve("pom.xml")));
        while (m.find()) {
            all.add(m.group(1));
        }
        return all;
    }

    private static int text(ZipOutputStream z, String name, String content) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(content.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
        return 1;
    }

    /** Every regular file under {@code from}, build outputs and dot-files (tool state) left out. */
    private static int tree(ZipOutputStream z, Path from, String as) throws IOException {
        if (Files.isRegularFile(from)) {
            z.putNextEntry(new ZipEntry(as));
            Files.copy(from, z);
            z.closeEntry();
            return 1;
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.filter(Files::isRegularFile).filter(p -> !from.relativize(p).toString().matches("(.*/)?(target/.*|\\..*)")).sorted().forEach(files::add);
        }
        for (Path f : files) {
            z.putNextEntry(new ZipEntry(as + "/" + from.relativize(f).toString().replace('\\', '/')));
            Files.copy(f, z);
            z.closeEntry();
        }
        return files.size();
    }

    private static String setup() {
        return """
                #!/usr/bin/env bash
                # Gradescope runs this once, as root with network, when it builds the autograder's image
                # (its Ubuntu base): Java 17, Maven, Jupyter's Python packages, bubblewrap (the student's
                # notebook runs in its sandbox), then incept from the sources
                # in this zip and the Kotlin kernel the notebooks run on.
                set -euo pipefail
                src=/autograder/source
                export DEBIAN_FRONTEND=noninteractive
                apt-get update -qq
                apt-get install -y -q --no-install-recommends openjdk-17-jdk-headless maven python3 python3-nbclient \\
                  jupyter-client jupyter-nbconvert python3-ipykernel bubblewrap
                cd "$src/incept"
                chmod +x incept scripts/*
                mvn -B -q -ntp -DskipTests install
                scripts/setup/notebooks
                chmod +x "$src/run_autograder"
                [ -f /autograder/run_autograder ] && chmod +x /autograder/run_autograder || true
                """;
    }

    private static String runAutograder(KernelRun.Allowance limits, boolean unsandboxed) {
        String risk = unsandboxed ? " \\\n    --unsafe-no-sandbox" : "";
        return String.format(Locale.ROOT, """
                #!/usr/bin/env bash
                # Gradescope runs this for each submission: the submitted notebook is graded by incept in a
                # kernel of its own, offline, and its results.json goes where Gradescope reads it.
                # AUTOGRADER_ROOT (default /autograder) and INCEPT (the launcher) exist for trying it elsewhere.
                set -uo pipefail
                root="${AUTOGRADER_ROOT:-/autograder}"
                src="$root/source"
                incept="${INCEPT:-$src/incept/incept}"
                mkdir -p "$root/results"
                submission="$(find "$root/submission" -maxdepth 2 -name '*.ipynb' | sort | head -1)"
                if [ -z "$submission" ]; then
                  echo '{"score": 0, "output": "No Kotlin notebook (.ipynb) was submitted."}' > "$root/results/results.json"
                  exit 0
                fi
                grades="$(mktemp -d)"
                if ! "$incept" assign grade "$src/autograder" "$submission" --out "$grades" \\
                    --cell-timeout %d --timeout %d --memory %d%s > "$grades/log.txt" 2>&1; then
                  tail -c 2000 "$grades/log.txt" | python3 -c 'import json, sys; print(json.dumps({"score": 0, "output": "The grader failed: " + sys.stdin.read()}))' \\
                    > "$root/results/results.json"
                  exit 0
                fi
                # one submission, one grade folder, whatever incept named it after the file's name
                shopt -s dotglob
                result=("$grades"/*/results.json)
                if [ -f "${result[0]}" ]; then
                  cp "${result[0]}" "$root/results/results.json"
                else
                  echo '{"score": 0, "output": "The grader wrote no results."}' > "$root/results/results.json"
                fi
                """, limits.cellSeconds(), limits.totalSeconds(), limits.heapMiB(), risk);
    }
}
