package dev.rpt.core.cases;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.api.CaseOrigin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Cases written inline, e.g. {@code @Case(id = "sum", vars = {"question=What is 2 + 2?"})} on a test class. Add them
 * in declaration order; they get the same ids, splits and duplicate checks as rows of a case file.
 *
 * <p>A case's id is the one given, else its id variable, else {@code case-<n>} (1-based position among the cases
 * added), so ids stay stable as long as the declaration order does.
 */
@API(status = INTERNAL, since = "0.1")
public final class InlineCases {

    private final CaseCollector collector;
    private final List<CaseProblem> problems = new ArrayList<>();
    private int count;

    /**
     * Starts collecting the inline cases of one source.
     *
     * @param source where the cases are written, e.g. {@code MathSolverPromptTests.java}; used in origins and problems
     * @param options id and split columns, split rule and limit
     */
    public InlineCases(String source, CaseFileOptions options) {
        this.collector = new CaseCollector(source, options);
    }

    /**
     * Adds one case. A case with a malformed entry is reported and left out, so that it never runs with a variable
     * missing.
     *
     * @param id the id written on the case, or empty to derive one
     * @param entries the {@code name=value} strings
     * @return this, for chaining
     */
    public InlineCases add(String id, List<String> entries) {
        count++;
        InlineVars parsed = parseVars(collector.file(), entries);
        if (!parsed.problems().isEmpty()) {
            problems.addAll(parsed.problems());
            return this;
        }
        String given = id == null ? "" : id.strip();
        String fromVars = collector.idColumn(parsed.vars());
        String caseId = !given.isEmpty() ? given : !fromVars.isEmpty() ? fromVars : "case-" + count;
        collector.add(CaseOrigin.of(collector.file()), caseId, parsed.vars());
        return this;
    }

    /** The cases added so far (up to the limit) and the problems with the others. */
    public CaseFileResult result() {
        CaseFileResult collected = collector.result();
        List<CaseProblem> all = new ArrayList<>(problems);
        all.addAll(collected.problems());
        return new CaseFileResult(collected.cases(), all);
    }

    /**
     * Parses {@code name=value} strings. The first {@code =} splits, so values may contain {@code =}; the name is
     * trimmed, the value is kept exactly. An entry without {@code =}, with an empty name, or repeating a name is a
     * problem that quotes it.
     *
     * @param source where the entries are written, for problems
     * @param entries the strings as written
     */
    public static InlineVars parseVars(String source, List<String> entries) {
        Map<String, String> vars = new LinkedHashMap<>();
        List<CaseProblem> problems = new ArrayList<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            String name = eq < 0 ? "" : entry.substring(0, eq).strip();
            if (eq < 0) {
                problems.add(
                        problem(source, entry, "has no '='; write it as name=value, e.g. \"question=What is 2 + 2?\""));
            } else if (name.isEmpty()) {
                problems.add(problem(source, entry, "has no name before '='; write it as name=value"));
            } else if (vars.putIfAbsent(name, entry.substring(eq + 1)) != null) {
                problems.add(problem(source, entry, "sets '" + name + "' again; give each variable once per case"));
            }
        }
        return new InlineVars(vars, problems);
    }

    private static CaseProblem problem(String source, String entry, String what) {
        return new CaseProblem(source, 0, "inline variable \"" + entry + "\" " + what);
    }
}
