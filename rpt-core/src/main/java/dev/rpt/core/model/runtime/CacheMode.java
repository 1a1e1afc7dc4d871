package dev.rpt.core.model.runtime;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/** How the response cache is used ({@link RptConstants#CACHE}). */
@API(status = INTERNAL, since = "0.1")
public enum CacheMode {
    /** No cache: every request goes to the provider. */
    OFF("off"),
    /** Serve hits from the cache, call the provider on a miss and store its reply. The default. */
    READ_WRITE("read-write"),
    /** Serve hits from the cache, call the provider on a miss, store nothing (e.g. a shared, read-only cache). */
    READ_ONLY("read-only"),
    /**
     * Serve hits from the cache and fail on a miss: a run that must not reach a provider, as in CI. {@link
     * RptConstants#CACHE_MAX_AGE} is reported, never enforced: a committed cache must keep replaying.
     */
    REPLAY_ONLY("replay-only"),
    /**
     * Call the provider again for every request whose entry this run did not write, and overwrite the entry: a
     * scheduled run against the live model that finds what changed behind the model's name. With {@link
     * RptConstants#CACHE_MAX_AGE}, entries younger than it are served too, so a refresh that stopped halfway goes on
     * where it stopped.
     */
    REFRESH("refresh");

    private final String configValue;

    CacheMode(String configValue) {
        this.configValue = configValue;
    }

    /** The word users write in {@link RptConstants#CACHE}. */
    public String configValue() {
        return configValue;
    }

    /** Whether replies of the provider are stored. */
    public boolean writes() {
        return this == READ_WRITE || this == REFRESH;
    }

    /**
     * Reads {@link RptConstants#CACHE}; {@link #READ_WRITE} when unset.
     *
     * @throws dev.rpt.core.config.ConfigException naming the key and the allowed words
     */
    public static CacheMode from(RptConfig config) {
        List<String> words = Arrays.stream(values()).map(CacheMode::configValue).toList();
        return config.choice(RptConstants.CACHE, words)
                .map(word -> values()[words.indexOf(word)])
                .orElse(READ_WRITE);
    }
}
