package dev.rpt.tools.record;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.rpt.core.files.JsonChecks;
import dev.rpt.core.files.JsonFileException;
import dev.rpt.core.files.JsonFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The optimizer's PATCH decision, as {@code decision.json} keeps it: the arguments of its {@code decide} call. A
 * resumed tune evaluates a pending patch from it; the HTML report shows its targets and rationale.
 *
 * <p>Version 1; decisions written before the field existed have none and read as version 1.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION}
 * @param decision {@code PATCH}
 * @param system the new system section, when the patch changes it
 * @param user the new user section, when the patch changes it
 * @param rationale why, in the optimizer's words
 * @param targets the failure modes the patch targets
 * @param examples the ids of the optimization cases the patch shows as worked examples, when it chose them; the
 *     system section then holds the examples block rpt built from them
 */
@API(status = INTERNAL, since = "0.1")
@JsonPropertyOrder({"schemaVersion", "decision", "system", "user", "rationale", "targets", "examples"})
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record DecisionJson(
        Integer schemaVersion,
        String decision,
        Optional<String> system,
        Optional<String> user,
        String rationale,
        List<String> targets,
        Optional<List<String>> examples,
        @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Map<String, String>> toolDescriptions) {

    /** The version this rpt writes. */
    public static final int SCHEMA_VERSION = 1;

    /** A PATCH decision of this version. */
    public DecisionJson(
            String decision, Optional<String> system, Optional<String> user, String rationale, List<String> targets) {
        this(SCHEMA_VERSION, decision, system, user, rationale, targets, Optional.empty(), Optional.empty());
    }

    public DecisionJson {
        schemaVersion = schemaVersion == null ? SCHEMA_VERSION : schemaVersion;
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException(
                    "schemaVersion: is " + schemaVersion + ", and this rpt reads " + SCHEMA_VERSION);
        }
        decision = decision == null ? "PATCH" : decision;
        system = system == null ? Optional.empty() : system;
        user = user == null ? Optional.empty() : user;
        rationale = rationale == null ? "" : rationale;
        targets = JsonChecks.list(targets);
        examples = examples == null ? Optional.empty() : examples.map(List::copyOf);
        toolDescriptions = toolDescriptions == null ? Optional.empty() : toolDescriptions.map(Map::copyOf);
    }

    /** Writes the decision atomically. */
    public void write(Path file) throws IOException {
        JsonFiles.write(file, this);
    }

    /**
     * Reads a decision.
     *
     * @throws IOException naming the file and the field when it is not a decision the tuner wrote
     */
    public static DecisionJson read(Path file) throws IOException {
        try {
            return JsonFiles.bind(JsonFiles.readTree(file), DecisionJson.class);
        } catch (JsonFileException e) {
            throw new IOException(
                    file + " is not a decision the tuner wrote: " + e.getMessage()
                            + ". Re-run `mvn rpt:tune` or remove the record's directory.",
                    e);
        }
    }
}
