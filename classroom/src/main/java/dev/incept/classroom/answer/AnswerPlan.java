package dev.incept.classroom.answer;

import dev.incept.classroom.assign.Assignment;
import dev.incept.classroom.assign.TestHeader;
import dev.incept.classroom.notebook.Cell;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of an assignment's names are answers, and where each test reads them. The student's cells
 * are those with a solution region, and any other cell that uses what they declare; the answers
 * are the top-level vals they declare that a test names, and the calls a test makes to functions
 * they declare (with their literal arguments). Everything else in a test is the instructor's.
 */
public record AnswerPlan(Assignment assignment, Set<String> studentCells, List<Cell> setup, List<TestUse> tests) {
    /** One test cell and the answers it reads, in order of first use. */
    public record TestUse(Cell cell, TestHeader header, List<Use> uses) {
    }

    /** An answer as a test reads it: a name, or a call's text; {@code name} is what the text starts with. */
    public record Use(String name, String expression, boolean call) {
    }

    private static final Pattern DECLARATION = Pattern.compile(
            "^(?:(?:private|internal|public|lateinit|const|inline|suspend|operator|infix|tailrec|open)\\s+)*(val|var|fun)\\s+(?:<[^>]*>\\s*)?([A-Za-z_]\\w*)\\s*[:(=]");
    private static final Pattern LOCAL = Pattern.compile("\\b(?:val|var|fun)\\s+([A-Za-z_]\\w*)");

    public AnswerPlan {
        studentCells = Set.copyOf(studentCells);
        setup = List.copyOf(setup);
        tests = List.copyOf(tests);
    }

    /** Every key a test reads an answer under, given each test's key prefix (as {@link SandboxVersion} hands them). */
    public Set<String> keys(List<String> keyPrefixes) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < tests.size(); i++) {
            for (Use u : tests.get(i).uses()) {
                keys.add(key(keyPrefixes.get(i), u));
            }
        }
        return keys;
    }

    /** The key an answer is handed back and read under. */
    public static String key(String prefix, Use u) {
        return prefix + "|" + u.expression();
    }

    public static AnswerPlan of(Assignment a) {
        List<Cell> code = a.instructor().cells().stream().filter(Cell::isCode).toList();
        Set<String> student = new LinkedHashSet<>();
        Map<String, Boolean> declared = new LinkedHashMap<>();   // name -> is a function
        for (Cell c : code) {
            if (TestHeader.of(c).isEmpty() && c.lines().stream().anyMatch(l -> l.strip().equals("// BEGIN SOLUTION"))) {
                student.add(c.id());
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Cell c : code) {
                if (student.contains(c.id())) {
                    declarations(c, declared);
                }
            }
            for (Cell c : code) {
                if (!student.contains(c.id()) && TestHeader.of(c).isEmpty()
                        && declared.keySet().stream().anyMatch(n -> !occurrences(Masked.of(c.source()), n).isEmpty())) {
                    student.add(c.id());
                    grew = true;
                }
            }
        }
        List<Cell> setup = code.stream().filter(c -> !student.contains(c.id()) && TestHeader.of(c).isEmpty()).toList();
        List<TestUse> tests = new ArrayList<>();
        for (Cell c : code) {
            TestHeader.of(c).ifPresent(h -> tests.add(new TestUse(c, h, uses(c, declared))));
        }
        return new AnswerPlan(a, student, setup, tests);
    }

    private static void declarations(Cell c, Map<String, Boolean> declared) {
        for (String line : c.lines()) {
            Matcher m = DECLARATION.matcher(line);
            if (m.find()) {
                declared.putIfAbsent(m.group(2), m.group(1).equals("fun"));
            }
        }
    }

    private static List<Use> uses(Cell test, Map<String, Boolean> declared) {
        String source = test.source();
        Masked masked = Masked.of(source);
        Set<String> local = new HashSet<>();
        Matcher lm = LOCAL.matcher(masked.text());
        while (lm.find()) {
            local.add(lm.group(1));
        }
        record At(int at, Use use) {
        }
        List<At> found = new ArrayList<>();
        declared.forEach((name, function) -> {
            if (local.contains(name)) {
                return;
            }
            for (int at : occurrences(masked, name)) {
                if (function) {
                    int open = masked.skipSpaces(at + name.length());
                    if (open < masked.text().length() && masked.text().charAt(open) == '(') {
                        int close = masked.closing(open);
                        if (close > 0) {
                            found.add(new At(at, new Use(name, source.substring(at, close + 1), true)));
                        }
                    }
                } else {
                    found.add(new At(at, new Use(name, name, false)));
                }
            }
        });
        found.sort(java.util.Comparator.comparingInt(At::at));
        List<Use> out = new ArrayList<>();
        for (At a : found) {
            if (out.stream().noneMatch(u -> u.expression().equals(a.use().expression()))) {
                out.add(a.use());
            }
        }
        return out;
    }

    /** Where {@code name} stands as a whole word, not after a dot, outside strings and comments. */
    static List<Integer> occurrences(Masked masked, String name) {
        List<Integer> at = new ArrayList<>();
        Matcher m = Pattern.compile("(?<![\\w.$])" + Pattern.quote(name) + "(?!\\w)").matcher(masked.text());
        while (m.find()) {
            at.add(m.start());
        }
        return at;
    }

    /** Kotlin source with the insides of string literals and comments blanked, positions kept. */
    record Masked(String text) {
        static Masked of(String s) {
            StringBuilder b = new StringBuilder(s);
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                    while (i < s.length() && s.charAt(i) != '\n') {
                        b.setCharAt(i++, ' ');
                    }
                } else if (c == '"') {
                    boolean raw = s.startsWith("\"\"\"", i);
                    int j = i + (raw ? 3 : 1);
                    while (j < s.length() && !(raw ? s.startsWith("\"\"\"", j) : s.charAt(j) == '"' || s.charAt(j) == '\n')) {
                        if (!raw && s.charAt(j) == '\\') {
                            b.setCharAt(j++, ' ');
                        }
                        if (j < s.length()) {
                            b.setCharAt(j++, ' ');
                        }
                    }
                    i = j + (raw ? 3 : 1);
                } else {
                    i++;
                }
            }
            return new Masked(b.toString());
        }

        int skipSpaces(int i) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return i;
        }

        /** The index of the parenthesis that closes the one at {@code open}, or -1. */
        int closing(int open) {
            int depth = 0;
            for (int i = open; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return i;
                }
            }
            return -1;
        }
    }
}
