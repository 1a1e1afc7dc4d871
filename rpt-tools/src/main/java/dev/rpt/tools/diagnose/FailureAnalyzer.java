package dev.rpt.tools.diagnose;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/** Names the recurring failure modes of one evaluation on the tune split. Implementations are thread-safe. */
@API(status = INTERNAL, since = "0.1")
public interface FailureAnalyzer {

    /**
     * Analyzes the failed cases. Never fails because of one case: a case that cannot be critiqued gets its
     * deterministic label.
     *
     * @param task the candidate prompt's system and user text, which the critic judges the answers against
     * @param failures the failed cases of the tune split, with unique ids; never held-out cases
     */
    FailureAnalysis analyze(String task, List<FailedCase> failures);
}
