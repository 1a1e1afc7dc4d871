package dev.rpt.junit.engine;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.files.Sha256;
import dev.rpt.prompt.PromptFile;
import dev.rpt.prompt.PromptFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The prompt of a test class, loaded from the test classpath (or from a text the engine was given in memory, or from a
 * {@code rpt.prompt-override.*} file), or the reason it could not be.
 *
 * @param resource the resource path the class names
 * @param file the parsed prompt, when it loaded
 * @param problem why it did not load; empty when it did
 */
record LoadedPrompt(String resource, Optional<PromptFile> file, String problem) {

    /**
     * @param promptTexts texts that replace prompt resources, by resource name; they win over an override file
     */
    static LoadedPrompt load(Class<?> testClass, String resource, RptConfig config, Map<String, String> promptTexts) {
        String owner = testClass.getSimpleName();
        if (resource.isBlank()) {
            return failed(
                    resource, "@PromptTest of " + owner + " names no prompt. Set prompt = \"prompts/<name>.prompt\".");
        }
        Optional<String> override = config.string(RptConstants.PROMPT_OVERRIDE_PREFIX + resource);
        try {
            String given = promptTexts.get(resource);
            if (given != null) {
                // Named as the resource, so that line numbers in a candidate's format errors read as the file's.
                return new LoadedPrompt(resource, Optional.of(PromptFile.parse(resource, given)), "");
            }
            if (override.isPresent()) {
                Path path = Path.of(override.get());
                if (!Files.isReadable(path)) {
                    return failed(
                            resource,
                            "The prompt override " + RptConstants.PROMPT_OVERRIDE_PREFIX + resource + "=" + path
                                    + " names a file that does not exist or cannot be read.");
                }
                return new LoadedPrompt(resource, Optional.of(PromptFile.parse(path)), "");
            }
            URL url = testClass.getClassLoader().getResource(resource);
            if (url == null) {
                return failed(
                        resource,
                        "The prompt '" + resource + "' of " + owner
                                + " is not on the test classpath. Put it at src/main/resources/" + resource
                                + " (or src/test/resources/" + resource + "), or fix @PromptTest(prompt = ...).");
            }
            if ("file".equals(url.getProtocol())) {
                Path copy = Path.of(url.toURI());
                return new LoadedPrompt(
                        resource, Optional.of(PromptFile.parse(PromptSourceFile.of(copy, resource))), "");
            }
            try (InputStream in = url.openStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new LoadedPrompt(resource, Optional.of(PromptFile.parse(resource, text)), "");
            }
        } catch (PromptFormatException e) {
            return failed(resource, e.getMessage());
        } catch (IOException | URISyntaxException e) {
            return failed(resource, "The prompt '" + resource + "' of " + owner + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * The sha256 of the prompt's text, as the report records it; empty for a prompt that did not load, whose class
     * fails with {@link #problem} when it runs (the run's start reads every class's thresholds before that).
     */
    String sha256() {
        return file.map(prompt -> Sha256.hex(prompt.text())).orElse("");
    }

    private static LoadedPrompt failed(String resource, String problem) {
        return new LoadedPrompt(resource, Optional.empty(), problem);
    }
}
