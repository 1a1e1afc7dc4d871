package dev.rpt.core.judge;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import dev.rpt.prompt.PromptFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Finds the judge prompt: {@code rpt.judge.prompt} names a file (relative to the working directory, e.g. the module
 * under Maven) or, if there is no such file, a class-path resource; without it, rpt's default {@value #DEFAULT}. The
 * prompt must use {@code {{criterion}}} and {@code {{answer}}}, and may use {@code {{input}}}.
 */
@API(status = INTERNAL, since = "0.2")
public final class JudgePrompts {

    /** The class-path resource of rpt's default judge prompt. */
    public static final String DEFAULT = "dev/rpt/core/judge/judge.prompt";

    private static final List<String> REQUIRED = List.of("criterion", "answer");
    private static final Set<String> KNOWN = Set.of("criterion", "answer", "input");

    private JudgePrompts() {}

    /**
     * Loads the configured judge prompt.
     *
     * @param loader where class-path resources are looked up, e.g. the test class's loader
     * @throws ConfigException naming {@code rpt.judge.prompt} and the file when it is missing, does not parse, or
     *     lacks a variable
     */
    public static PromptFile load(RptConfig config, ClassLoader loader) {
        Optional<String> configured = config.string(RptConstants.JUDGE_PROMPT);
        String location = configured.orElse(DEFAULT);
        String text;
        try {
            Path file = Path.of(location);
            if (configured.isPresent() && Files.isRegularFile(file)) {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } else {
                try (InputStream in = loader.getResourceAsStream(location)) {
                    if (in == null) {
                        throw new ConfigException(RptConstants.JUDGE_PROMPT + "=" + location
                                + " is neither a file (relative to "
                                + Path.of("").toAbsolutePath()
                                + ") nor a class-path resource. Point it at your judge prompt, or unset it for"
                                + " rpt's default.");
                    }
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new ConfigException("Cannot read the judge prompt " + location + " (" + RptConstants.JUDGE_PROMPT
                    + "): " + e.getMessage());
        }
        PromptFile prompt;
        try {
            prompt = PromptFile.parse(location, text);
        } catch (RuntimeException e) {
            throw new ConfigException("The judge prompt " + location + " (" + RptConstants.JUDGE_PROMPT + ") is not a"
                    + " valid prompt file: " + e.getMessage());
        }
        Set<String> missing = new LinkedHashSet<>(REQUIRED);
        missing.removeAll(prompt.placeholders());
        Set<String> unknown = new LinkedHashSet<>(prompt.placeholders());
        unknown.removeAll(KNOWN);
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new ConfigException("The judge prompt " + location + " (" + RptConstants.JUDGE_PROMPT + ") "
                    + (missing.isEmpty() ? "" : "does not use " + missing)
                    + (missing.isEmpty() || unknown.isEmpty() ? "" : " and ")
                    + (unknown.isEmpty() ? "" : "uses variables rpt does not fill, " + unknown)
                    + ". A judge prompt fills {{criterion}}, {{answer}} and optionally {{input}}.");
        }
        return prompt;
    }

    /**
     * The probability from which a criterion counts as met: {@code rpt.judge.threshold}, in (0, 1], default 0.5.
     *
     * @throws ConfigException naming the key when it is out of range
     */
    public static double threshold(RptConfig config) {
        double threshold = config.number(RptConstants.JUDGE_THRESHOLD, 0, 1).orElse(0.5);
        if (threshold <= 0) {
            throw new ConfigException(RptConstants.JUDGE_THRESHOLD + "=" + threshold
                    + " would count every criterion as met; use a probability in (0, 1], e.g. 0.5.");
        }
        return threshold;
    }

    /**
     * Where the judge's probability comes from: {@code rpt.judge.probability}, {@code stated} (the default) or {@code
     * logprobs}.
     *
     * @throws ConfigException naming the key and the accepted values
     */
    public static Judge.Probability probability(RptConfig config) {
        return config.choice(RptConstants.JUDGE_PROBABILITY, List.of("stated", "logprobs"))
                .map(value -> value.equals("logprobs") ? Judge.Probability.LOGPROBS : Judge.Probability.STATED)
                .orElse(Judge.Probability.STATED);
    }
}
