package dev.rpt.core.cases;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * JSON Lines: one JSON object per line, UTF-8. Blank lines and lines starting with {@code //} are skipped, so a file
 * can be commented and spaced out without changing the line numbers that ids fall back to.
 */
final class JsonlCaseReader implements CaseReader {

    private static final ObjectReader JSON = Jackson.json().reader();

    private static final String EXAMPLE = "{\"id\": \"q1\", \"question\": \"What is 2 + 2?\"}";

    private static String column(JacksonException e) {
        return e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
    }

    @Override
    public void read(InputStream in, CaseCollector out) throws IOException {
        // Line by line keeps memory flat for large files, and each line is parsed on its own so one bad row
        // cannot hide the rest.
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int line = 0;
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            line++;
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            String trimmed = text.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("//")) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (JacksonException e) {
                out.problem(
                        line,
                        "not valid JSON: " + Jackson.reason(e) + column(e)
                                + "; write one complete JSON object per line, e.g. " + EXAMPLE);
                continue;
            }
            if (!node.isObject()) {
                out.problem(
                        line,
                        "expected a JSON object but found " + Cells.kind(node)
                                + "; write one object per line with a field per variable, e.g. " + EXAMPLE);
                continue;
            }
            if (!out.row(line, Cells.of(node))) {
                return;
            }
        }
    }
}
