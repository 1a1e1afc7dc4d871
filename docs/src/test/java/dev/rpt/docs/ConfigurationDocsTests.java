package dev.rpt.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.core.config.ConfigKeys;
import dev.rpt.core.config.RptConstants;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps docs/configuration.md and {@link RptConstants} in step: a key users cannot find does not exist. */
class ConfigurationDocsTests {

    private static final Path CONFIGURATION_MD = Path.of("configuration.md");

    @Test
    void everyKeyInCodeIsDocumented() throws IOException {
        String manual = Files.readString(CONFIGURATION_MD);

        List<String> undocumented = new ArrayList<>();
        for (String key : keysInCode()) {
            if (!manual.contains("`" + key)) {
                undocumented.add(key);
            }
        }

        assertThat(undocumented)
                .as("keys in RptConstants missing from docs/configuration.md (write them as `key`)")
                .isEmpty();
    }

    @Test
    void everyDocumentedKeyExistsInCode() throws IOException {
        String manual = Files.readString(CONFIGURATION_MD);
        List<String> keysInCode = keysInCode();
        Matcher matcher =
                Pattern.compile("^\\| `(rpt\\.[^`]+)`", Pattern.MULTILINE).matcher(manual);

        List<String> unknown = new ArrayList<>();
        while (matcher.find()) {
            String documented = matcher.group(1);
            boolean known = keysInCode.stream()
                    .anyMatch(key -> key.equals(documented) || (key.endsWith(".") && documented.startsWith(key)));
            if (!known) {
                unknown.add(documented);
            }
        }

        assertThat(unknown)
                .as("keys documented in docs/configuration.md that RptConstants does not define")
                .isEmpty();
    }

    @Test
    void everyKeyTheSourcesReadIsOneRptRecognises() throws IOException {
        // Any "rpt.x" literal in a module's main sources: a key defined outside RptConstants must be added to
        // ConfigKeys, or rpt would warn that a user who sets it is setting nothing.
        Pattern literal = Pattern.compile("\"(rpt\\.[a-z0-9.-]*[a-z0-9])\"");
        List<String> unrecognised = new ArrayList<>();
        List<Path> sources;
        try (var walk = Files.walk(Path.of(".."))) {
            sources = walk.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().contains("/src/main/java/"))
                    .filter(f -> !f.toString().contains("/target/"))
                    .toList();
        }
        assertThat(sources).as("main sources of the modules").hasSizeGreaterThan(100);
        for (Path source : sources) {
            Matcher matcher = literal.matcher(Files.readString(source));
            while (matcher.find()) {
                if (!ConfigKeys.isKnown(matcher.group(1))) {
                    unrecognised.add(matcher.group(1) + " in " + source);
                }
            }
        }
        assertThat(unrecognised)
                .as("keys in code that ConfigKeys would call misspelt")
                .isEmpty();
    }

    private static List<String> keysInCode() {
        List<String> keys = new ArrayList<>();
        for (Field field : RptConstants.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    String key = (String) field.get(null);
                    if (!key.equals(RptConstants.PREFIX)) {
                        keys.add(key);
                    }
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertThat(keys).as("RptConstants keys found by reflection").isNotEmpty();
        return keys;
    }
}
