package dev.rpt.core.cases;

import java.util.Locale;
import java.util.Optional;

/** The case file formats, recognized by file extension. */
enum CaseFormat {
    JSONL(new JsonlCaseReader()),
    CSV(new CsvCaseReader()),
    YAML(new YamlCaseReader());

    /** The extensions users may write, for messages. */
    static final String SUPPORTED = ".jsonl, .csv, .yaml or .yml";

    private final CaseReader reader;

    CaseFormat(CaseReader reader) {
        this.reader = reader;
    }

    CaseReader reader() {
        return reader;
    }

    /** The format of a file name, by its extension in any letter case. */
    static Optional<CaseFormat> of(String fileName) {
        return switch (extension(fileName)) {
            case "jsonl" -> Optional.of(JSONL);
            case "csv" -> Optional.of(CSV);
            case "yaml", "yml" -> Optional.of(YAML);
            default -> Optional.empty();
        };
    }

    /** The lower-case extension without the dot, or empty. */
    static String extension(String fileName) {
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = base.lastIndexOf('.');
        return dot < 0 ? "" : base.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
