package dev.rpt.core.model.batch;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How a run uses the provider's batch API ({@code rpt.batch.*}).
 *
 * @param mode off, on, or auto
 * @param minCalls with auto, the fewest uncached calls worth a batch
 * @param maxWait how long a run waits for its batches
 * @param pollInterval how often it asks how they are doing
 * @param priceFactor what a batch call costs relative to {@code rpt.price.*}
 */
@API(status = INTERNAL, since = "0.2")
public record BatchSettings(Mode mode, int minCalls, Duration maxWait, Duration pollInterval, double priceFactor) {

    /** Whether and when to batch. */
    public enum Mode {
        /** Never: every call goes to the provider when it is made. */
        OFF,
        /** Always, for a provider with a batch API; a server without batch endpoints is an error. */
        ON,
        /** When enough calls are uncached; a server without batch endpoints falls back to direct calls. */
        AUTO
    }

    /** Batching off. */
    public static final BatchSettings OFF =
            new BatchSettings(Mode.OFF, 100, Duration.ofHours(1), Duration.ofSeconds(30), 0.5);

    public BatchSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (!(priceFactor > 0 && priceFactor <= 1)) {
            throw new IllegalArgumentException("priceFactor must be in (0, 1], got " + priceFactor);
        }
    }

    /**
     * Reads {@code rpt.batch}, {@code rpt.batch.min-calls}, {@code rpt.batch.wait}, {@code rpt.batch.poll-interval}
     * and {@code rpt.batch.price-factor}.
     *
     * @throws ConfigException naming the key when one is malformed
     */
    public static BatchSettings from(RptConfig config) {
        Mode mode = config.choice(RptConstants.BATCH, List.of("off", "on", "auto"))
                .map(value -> Mode.valueOf(value.toUpperCase(java.util.Locale.ROOT)))
                .orElse(Mode.OFF);
        double factor = config.number(RptConstants.BATCH_PRICE_FACTOR, 0, 1).orElse(0.5);
        if (factor <= 0) {
            throw new ConfigException(RptConstants.BATCH_PRICE_FACTOR + "=" + factor + " would make batch calls free;"
                    + " use the share of the direct price a batch call costs, e.g. 0.5.");
        }
        return new BatchSettings(
                mode,
                config.integer(RptConstants.BATCH_MIN_CALLS, 1, 10_000_000).orElse(100),
                config.duration(RptConstants.BATCH_WAIT).orElse(Duration.ofHours(1)),
                config.duration(RptConstants.BATCH_POLL_INTERVAL).orElse(Duration.ofSeconds(30)),
                factor);
    }

    /** Whether batching may happen at all. */
    public boolean enabled() {
        return mode != Mode.OFF;
    }
}
