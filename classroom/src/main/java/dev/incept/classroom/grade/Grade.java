package dev.incept.classroom.grade;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One submission's grade: every expected check's outcome, in the assignment's order. */
public record Grade(String submission, List<CheckOutcome> outcomes, String problem) {
    public Grade {
        outcomes = List.copyOf(outcomes);
        problem = CheckOutcome.bounded(problem);
    }

    public double total() {
        return outcomes.stream().mapToDouble(CheckOutcome::score).sum();
    }

    public double max() {
        return outcomes.stream().mapToDouble(o -> o.check().max()).sum();
    }

    /** Points per question, in the order the questions first appear. */
    public Map<String, Double> byQuestion() {
        Map<String, Double> m = new LinkedHashMap<>();
        outcomes.forEach(o -> m.merge(o.check().question(), o.score(), Double::sum));
        return m;
    }
}
