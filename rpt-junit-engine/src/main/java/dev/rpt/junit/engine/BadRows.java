package dev.rpt.junit.engine;

import dev.rpt.core.cases.CaseProblem;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a class does with the problems found in its cases at discovery ({@code rpt.cases.bad-rows}): fail the class,
 * or run it without the bad rows and count them. The class fails when it runs, not at discovery, so that one bad row
 * stops its own class and the JUnit Platform still runs every other class.
 */
enum BadRows {
    /** Any problem fails the class, naming every bad row. The default: a skipped row is a case the verdict lost. */
    FAIL,
    /** Rows that could be read but not used are left out and counted; a file that could not be read still fails. */
    SKIP;

    /** At most this many lines of problems in one failure, so a class of 10,000 bad rows stays readable. */
    static final int MAX_LISTED = 50;

    static BadRows from(RptConfig config) {
        return config.choice(RptConstants.CASES_BAD_ROWS, List.of("fail", "skip"))
                .map(value -> valueOf(value.toUpperCase(Locale.ROOT)))
                .orElse(FAIL);
    }

    /** Whether a problem stops its class under this policy. */
    boolean fails(CaseProblem problem) {
        return this == FAIL || !problem.skippable();
    }

    /**
     * The failure of a class whose cases have problems this policy does not skip, as one message listing each problem
     * at {@code file:line} (rows with the same problem in one file on one line), or nothing when the class can run.
     */
    Optional<CaseFilesException> failure(String className, List<CaseProblem> problems) {
        List<CaseProblem> failing = problems.stream().filter(this::fails).toList();
        if (failing.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder()
                .append(className)
                .append(" did not run: ")
                .append(count(failing.size(), "problem"))
                .append(" in its cases, and rpt does not judge a class on part of its cases.");
        List<String> lines = describe(inFileOrder(failing));
        lines.stream()
                .limit(MAX_LISTED)
                .forEach(line -> message.append("\n  - ").append(line));
        if (lines.size() > MAX_LISTED) {
            message.append("\n  - ... and ").append(lines.size() - MAX_LISTED).append(" more");
        }
        boolean onlyRows = failing.stream().allMatch(CaseProblem::skippable);
        boolean unreadableFile = failing.stream().anyMatch(p -> !p.skippable() && !inline(p));
        if (onlyRows) {
            message.append("\nFix these rows, or set ")
                    .append(RptConstants.CASES_BAD_ROWS)
                    .append("=skip to run the class without them (they are counted in the summary and the run"
                            + " report).");
        } else if (unreadableFile) {
            message.append("\nFix the files named above: a dataset that is missing or cannot be read to its end fails"
                            + " its class even with ")
                    .append(RptConstants.CASES_BAD_ROWS)
                    .append("=skip, because the rows it holds cannot be counted.");
        } else {
            message.append("\nFix the @Case annotations named above: inline cases are code, never skipped.");
        }
        return Optional.of(new CaseFilesException(message.toString()));
    }

    /** One line per distinct problem of a file, listing the lines that have it: {@code a.csv:3, 5, 9: message}. */
    static List<String> describe(List<CaseProblem> problems) {
        Map<List<Object>, List<Integer>> grouped = new LinkedHashMap<>();
        for (CaseProblem problem : problems) {
            grouped.computeIfAbsent(List.of(problem.file(), problem.message()), key -> new ArrayList<>())
                    .add(problem.line());
        }
        List<String> lines = new ArrayList<>();
        grouped.forEach((key, at) -> {
            String file = (String) key.get(0);
            StringBuilder line = new StringBuilder(file);
            if (at.get(0) > 0) {
                line.append(':');
                at.stream().limit(10).forEach(n -> line.append(n).append(", "));
                line.setLength(line.length() - 2);
                if (at.size() > 10) {
                    line.append(" and ").append(at.size() - 10).append(" more rows");
                }
            }
            lines.add(line.append(": ").append(key.get(1)).toString());
        });
        return lines;
    }

    /** The problems file by file (in the order the files were first named), each file's by line. */
    private static List<CaseProblem> inFileOrder(List<CaseProblem> problems) {
        List<String> files = problems.stream().map(CaseProblem::file).distinct().toList();
        return problems.stream()
                .sorted(Comparator.comparingInt((CaseProblem p) -> files.indexOf(p.file()))
                        .thenComparingInt(CaseProblem::line))
                .toList();
    }

    /** A problem of an inline {@code @Case}, whose origin is the test class's source file. */
    private static boolean inline(CaseProblem problem) {
        return problem.file().endsWith(".java");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** A class's cases have problems that stop it; the message names each at {@code file:line} with the fix. */
    static final class CaseFilesException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        CaseFilesException(String message) {
            // No stack trace: the message is the whole story, and Surefire would print rpt's frames after it.
            super(message, null, false, false);
        }
    }
}
