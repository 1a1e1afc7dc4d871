package dev.rpt.core.cases;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * YAML: a top-level list whose items are maps, one per case. Each case's line is the line its item starts on, from
 * the parser's token location, so the file is streamed item by item rather than loaded as one tree.
 */
final class YamlCaseReader implements CaseReader {

    private static final ObjectMapper YAML =
            Jackson.configure(YAMLMapper.builder().build());

    private static final String EXAMPLE = "- id: q1\n  question: What is 2 + 2?";

    @Override
    public void read(InputStream in, CaseCollector out) throws IOException {
        try (JsonParser parser = YAML.createParser(in)) {
            readList(parser, out);
        } catch (JacksonException e) {
            // The YAML parser cannot resume after a syntax error: report it and keep the cases read so far.
            int line = Jackson.line(e);
            out.stoppedReading(
                    line,
                    "not valid YAML: " + Jackson.reason(e) + "; fix the syntax here. The file could not be read past"
                            + " this point, so its items from line " + line + " on were not read");
        }
    }

    private static void readList(JsonParser parser, CaseCollector out) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return;
        }
        if (token != JsonToken.START_ARRAY) {
            int line = parser.currentTokenLocation().getLineNr();
            JsonNode found = YAML.readTree(parser);
            out.problem(
                    line,
                    "expected a list of cases at the top level but found "
                            + (found != null && found.isObject() ? "a map" : Cells.kind(found))
                            + "; start each case with '- ', e.g.\n" + EXAMPLE);
            return;
        }
        for (token = parser.nextToken(); token != JsonToken.END_ARRAY && token != null; token = parser.nextToken()) {
            int line = parser.currentTokenLocation().getLineNr();
            JsonNode item = YAML.readTree(parser);
            if (item == null || !item.isObject()) {
                out.problem(
                        line,
                        "expected a map of variables for this case but found " + Cells.kind(item)
                                + "; write 'name: value' pairs under the '- ', e.g.\n" + EXAMPLE);
            } else if (!out.row(line, Cells.of(item))) {
                return;
            }
        }
    }
}
