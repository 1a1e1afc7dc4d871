package dev.rpt.core.cases;

import java.io.IOException;
import java.io.InputStream;

/** Reads the rows of one format, streaming, into a {@link CaseCollector}. */
interface CaseReader {

    /**
     * Feeds every row to {@code out} and reports bad rows as its problems, stopping when it wants no more rows.
     *
     * @throws IOException only when the stream itself cannot be read; malformed content is a problem, not an exception
     */
    void read(InputStream in, CaseCollector out) throws IOException;
}
