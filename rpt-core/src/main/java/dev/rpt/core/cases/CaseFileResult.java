package dev.rpt.core.cases;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.api.PromptCase;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What a case file yielded: the cases that could be read, in file order, and the problems with the rest.
 *
 * @param cases the good rows, in file order
 * @param problems one entry per bad row (or one for a file that could not be read at all), in file order
 */
@API(status = INTERNAL, since = "0.1")
public record CaseFileResult(List<PromptCase> cases, List<CaseProblem> problems) {

    public CaseFileResult {
        cases = List.copyOf(cases);
        problems = List.copyOf(problems);
    }

    /** A result with no cases and one problem with the whole file. */
    static CaseFileResult failed(String file, String message) {
        return new CaseFileResult(List.of(), List.of(new CaseProblem(file, 0, message)));
    }
}
