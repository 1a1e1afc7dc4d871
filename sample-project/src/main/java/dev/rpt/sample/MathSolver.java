package dev.rpt.sample;

import dev.rpt.prompt.PromptFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How the application uses the prompt at run time: it loads the resource that rpt:tune rewrites, and renders it
 * for a question. Sending the rendered prompt to a model is the application's own business.
 */
public final class MathSolver {

    private final PromptFile prompt;

    public MathSolver() {
        try (InputStream in = MathSolver.class.getResourceAsStream("/prompts/math-solver.prompt")) {
            if (in == null) {
                throw new IllegalStateException("prompts/math-solver.prompt is missing from the classpath");
            }
            prompt = PromptFile.parse("prompts/math-solver.prompt", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The system and user messages for one question. */
    public String render(String question) {
        var rendered = prompt.render(Map.of("question", question));
        return rendered.system() + "\n\n" + rendered.user();
    }
}
