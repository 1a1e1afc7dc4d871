package dev.rpt.core.cases;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.api.Split;
import dev.rpt.core.files.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A deterministic split by id: a case is {@link Split#HOLDOUT} when the first 64 bits of {@code sha256(salt + ":" +
 * id)}, read as an unsigned fraction of 2^64, are below {@code fraction}. The same id, salt and fraction give the same
 * split on every JVM and platform, and adding or removing other cases never moves a case across the split.
 *
 * @param fraction the share of cases to hold out, in {@code [0, 1]}
 * @param salt mixed into the hash so that a project can draw a different split without renaming cases
 */
@API(status = INTERNAL, since = "0.1")
public record HoldoutSplit(double fraction, String salt) {

    /** The default share of held-out cases. */
    public static final double DEFAULT_FRACTION = 0.3;

    /** The default salt. */
    public static final String DEFAULT_SALT = "rpt";

    /** 2^-53: turns the top 53 bits of the hash into a double in [0, 1) without rounding. */
    private static final double UNIT = 0x1.0p-53;

    public HoldoutSplit {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("holdout fraction must be between 0 and 1, got " + fraction);
        }
        Objects.requireNonNull(salt, "salt");
    }

    /** A split holding out {@code fraction} of the cases, drawn with {@code salt}. */
    public static HoldoutSplit of(double fraction, String salt) {
        return new HoldoutSplit(fraction, salt);
    }

    /** The default split: 30% held out, salt {@code rpt}. */
    public static HoldoutSplit defaults() {
        return new HoldoutSplit(DEFAULT_FRACTION, DEFAULT_SALT);
    }

    /** The split of the case with this id. */
    public Split assign(String id) {
        return position(id) < fraction ? Split.HOLDOUT : Split.TUNE;
    }

    /** Where the id falls in {@code [0, 1)}; exposed to the package so tests can check the hash itself. */
    double position(String id) {
        byte[] digest = Sha256.digest((salt + ":" + id).getBytes(StandardCharsets.UTF_8));
        long bits = ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        // Unsigned shift keeps the top 53 bits, exactly representable as a double.
        return (bits >>> 11) * UNIT;
    }
}
