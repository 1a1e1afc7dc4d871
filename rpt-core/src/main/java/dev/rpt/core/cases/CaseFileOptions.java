package dev.rpt.core.cases;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.api.Split;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How to turn rows of a case file into cases.
 *
 * @param idColumn the column holding each row's id; rows without it get {@code line-<n>}
 * @param splitColumn the column holding {@code tune} or {@code holdout} per row
 * @param mustPassColumn the column holding {@code true} for rows that must always pass; empty or absent means
 *     {@code false}
 * @param split a split forced on every row, ignoring the split column and the hash; empty for automatic
 * @param holdout the hash split for rows whose split is neither forced nor given in the split column
 * @param limit the most cases to read, {@code 0} for all
 */
@API(status = INTERNAL, since = "0.1")
public record CaseFileOptions(
        String idColumn,
        String splitColumn,
        String mustPassColumn,
        Optional<Split> split,
        HoldoutSplit holdout,
        int limit) {

    /** The default id column. */
    public static final String DEFAULT_ID_COLUMN = "id";

    /** The default split column. */
    public static final String DEFAULT_SPLIT_COLUMN = "split";

    /** The default must-pass column. */
    public static final String DEFAULT_MUST_PASS_COLUMN = "mustPass";

    public CaseFileOptions {
        requireName(idColumn, "idColumn");
        requireName(splitColumn, "splitColumn");
        requireName(mustPassColumn, "mustPassColumn");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(holdout, "holdout");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 (all rows) or positive, got " + limit);
        }
    }

    /** Columns {@code id} and {@code split}, automatic split with {@link HoldoutSplit#defaults()}, no limit. */
    public static CaseFileOptions defaults() {
        return new CaseFileOptions(
                DEFAULT_ID_COLUMN,
                DEFAULT_SPLIT_COLUMN,
                DEFAULT_MUST_PASS_COLUMN,
                Optional.empty(),
                HoldoutSplit.defaults(),
                0);
    }

    /** A copy reading ids from another column. */
    public CaseFileOptions withIdColumn(String column) {
        return new CaseFileOptions(column, splitColumn, mustPassColumn, split, holdout, limit);
    }

    /** A copy reading splits from another column. */
    public CaseFileOptions withSplitColumn(String column) {
        return new CaseFileOptions(idColumn, column, mustPassColumn, split, holdout, limit);
    }

    /** A copy that puts every row in {@code fixed}. */
    public CaseFileOptions withSplit(Split fixed) {
        return new CaseFileOptions(idColumn, splitColumn, mustPassColumn, Optional.of(fixed), holdout, limit);
    }

    /** A copy that splits rows by split column, then by hash (the default). */
    public CaseFileOptions withAutoSplit() {
        return new CaseFileOptions(idColumn, splitColumn, mustPassColumn, Optional.empty(), holdout, limit);
    }

    /** A copy with another hash split. */
    public CaseFileOptions withHoldout(HoldoutSplit hashSplit) {
        return new CaseFileOptions(idColumn, splitColumn, mustPassColumn, split, hashSplit, limit);
    }

    /** A copy reading at most {@code maxCases} cases, {@code 0} for all. */
    public CaseFileOptions withLimit(int maxCases) {
        return new CaseFileOptions(idColumn, splitColumn, mustPassColumn, split, holdout, maxCases);
    }

    private static void requireName(String column, String what) {
        Objects.requireNonNull(column, what);
        if (column.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
