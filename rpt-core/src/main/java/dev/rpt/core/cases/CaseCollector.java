package dev.rpt.core.cases;

import dev.rpt.api.CaseOrigin;
import dev.rpt.api.PromptCase;
import dev.rpt.api.Split;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns rows into cases for one source: gives each an id and a split, rejects duplicate ids, and stops at the limit.
 * Every format reader feeds it, so ids, splits and their errors behave the same for JSONL, CSV, YAML and inline cases.
 */
final class CaseCollector {

    private final String file;
    private final CaseFileOptions options;
    private final List<PromptCase> cases = new ArrayList<>();
    private final List<CaseProblem> problems = new ArrayList<>();
    private final Map<String, CaseOrigin> firstUse = new HashMap<>();

    CaseCollector(String file, CaseFileOptions options) {
        this.file = file;
        this.options = options;
    }

    String file() {
        return file;
    }

    CaseFileOptions options() {
        return options;
    }

    /**
     * Adds a file row whose id is its id column or, failing that, {@code line-<n>}.
     *
     * @return whether more rows are wanted; {@code false} once the limit is reached
     */
    boolean row(int line, Map<String, String> columns) {
        String id = idColumn(columns);
        return add(new CaseOrigin(file, line), id.isEmpty() ? "line-" + line : id, columns);
    }

    /** The trimmed id column of a row, or empty when it has none. */
    String idColumn(Map<String, String> columns) {
        String id = columns.get(options.idColumn());
        return id == null ? "" : id.strip();
    }

    /**
     * Adds a case with a known id.
     *
     * @return whether more cases are wanted; {@code false} once the limit is reached
     */
    boolean add(CaseOrigin origin, String id, Map<String, String> columns) {
        CaseOrigin earlier = firstUse.putIfAbsent(id, origin);
        if (earlier != null) {
            problem(
                    origin.line(),
                    "duplicate id '" + id + "', already used by the case at " + earlier
                            + "; give each case a unique value in column '" + options.idColumn() + "'");
            return true;
        }
        String splitValue = columns.get(options.splitColumn());
        Split split;
        if (options.split().isPresent()) {
            split = options.split().get();
        } else if (splitValue != null && !splitValue.isBlank()) {
            split = parseSplit(splitValue);
            if (split == null) {
                problem(
                        origin.line(),
                        "split '" + splitValue + "' in column '" + options.splitColumn()
                                + "' is neither 'tune' nor 'holdout'; write one of those, or leave it empty to"
                                + " split by id");
                return true;
            }
        } else {
            split = options.holdout().assign(id);
        }
        String mustPassValue =
                columns.getOrDefault(options.mustPassColumn(), "").strip();
        boolean mustPass;
        if (mustPassValue.isEmpty() || mustPassValue.equalsIgnoreCase("false")) {
            mustPass = false;
        } else if (mustPassValue.equalsIgnoreCase("true")) {
            mustPass = true;
        } else {
            problem(
                    origin.line(),
                    "'" + mustPassValue + "' in column '" + options.mustPassColumn()
                            + "' is neither 'true' nor 'false'; write true for a case that must always pass, or"
                            + " leave it empty");
            return true;
        }
        cases.add(new PromptCase(id, split, columns, origin, mustPass));
        return options.limit() == 0 || cases.size() < options.limit();
    }

    void problem(int line, String message) {
        problems.add(new CaseProblem(file, line, message));
    }

    /** A problem after which the file cannot be read: the rows after {@code line} were never seen. */
    void stoppedReading(int line, String message) {
        problems.add(new CaseProblem(file, line, message, true));
    }

    CaseFileResult result() {
        return new CaseFileResult(cases, problems);
    }

    private static Split parseSplit(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "tune" -> Split.TUNE;
            case "holdout" -> Split.HOLDOUT;
            default -> null;
        };
    }
}
