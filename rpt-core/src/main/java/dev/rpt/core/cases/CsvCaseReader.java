package dev.rpt.core.cases;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSV (RFC 4180): a header row naming the variables, then one row per case. Quoted values may hold commas, doubled
 * quotes and line breaks; a case's line is the line its row starts on. Empty lines are skipped.
 */
final class CsvCaseReader implements CaseReader {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .build();

    @Override
    public void read(InputStream in, CaseCollector out) throws IOException {
        // Rows are read as plain arrays and matched to the header here, because Jackson's header mapping would
        // silently drop or pad values where a wrong column count is exactly what the user needs to hear about.
        // The line of the row being read, once its first value is known: Jackson reports an unclosed quote where
        // the file ends, but the user needs the line where the broken row starts.
        int[] rowStart = {0};
        try (CsvParser parser = (CsvParser) CSV.createParser(in)) {
            parser.setSchema(CsvSchema.emptySchema());
            readRows(parser, out, rowStart);
        } catch (JacksonException e) {
            // Quoting errors leave the parser out of step with the rows: report and keep what was read.
            int line = rowStart[0] > 0 ? rowStart[0] : Jackson.line(e);
            out.stoppedReading(
                    line,
                    "not valid CSV: " + Jackson.reason(e) + "; check the quotes in this row (a quote inside a quoted"
                            + " value is written twice: \"\"). The file could not be read past this row, so its"
                            + " rows from line " + line + " on were not read");
        }
    }

    private static void readRows(CsvParser parser, CaseCollector out, int[] rowStart) throws IOException {
        List<String> header = null;
        // Without a schema every row is a root-level array of strings.
        while (parser.nextToken() == JsonToken.START_ARRAY) {
            rowStart[0] = 0;
            int line = 0;
            List<String> values = new ArrayList<>();
            while (parser.nextToken() == JsonToken.VALUE_STRING) {
                if (values.isEmpty()) {
                    // The array's own location is the previous row's end; the first value's is where the row starts.
                    line = parser.currentTokenLocation().getLineNr();
                    rowStart[0] = line;
                }
                values.add(parser.getText());
            }
            if (header == null) {
                header = header(values, line, out);
                if (header == null) {
                    return;
                }
            } else if (values.size() != header.size()) {
                out.problem(line, countMismatch(values.size(), header.size()));
            } else if (!out.row(line, zip(header, values))) {
                return;
            }
        }
    }

    /** The validated column names, or {@code null} after reporting why the header is unusable. */
    private static List<String> header(List<String> values, int line, CaseCollector out) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String name = values.get(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                // Spreadsheet exports often start with a byte order mark that would otherwise become part of the name.
                name = name.substring(1).strip();
            }
            if (name.isEmpty()) {
                out.problem(
                        line,
                        "header column " + (i + 1) + " has no name; the first row must name every column, e.g."
                                + " id,question,expected");
                return null;
            }
            if (!seen.add(name)) {
                out.problem(line, "header names column '" + name + "' twice; give every column a different name");
                return null;
            }
            names.add(name);
        }
        return names;
    }

    private static String countMismatch(int found, int expected) {
        String advice = found > expected
                ? "quote values that contain commas, e.g. \"Paris, France\""
                : "add the missing values (an empty value is nothing between two commas)";
        return "row has " + found + (found == 1 ? " value" : " values") + " but the header has " + expected
                + " columns; " + advice;
    }

    private static Map<String, String> zip(List<String> header, List<String> values) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i), values.get(i));
        }
        return columns;
    }
}
