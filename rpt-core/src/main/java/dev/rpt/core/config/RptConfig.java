package dev.rpt.core.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Typed, validated access to {@code rpt.*} configuration. Every invalid value fails with one {@link ConfigException}
 * that names the key, the value found, and what is allowed.
 */
@API(status = INTERNAL, since = "0.1")
public final class RptConfig {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final ConfigSource source;

    private RptConfig(ConfigSource source) {
        this.source = source;
    }

    public static RptConfig of(ConfigSource source) {
        return new RptConfig(source);
    }

    public static RptConfig of(Map<String, String> values) {
        return new RptConfig(ConfigSource.of(values));
    }

    /**
     * This configuration as seen by one role, e.g. the tuner's optimizer: a key {@code rpt.X} reads {@code
     * <prefix>X} first, so {@code rpt.tune.optimizer.model} overrides {@code rpt.model} for the optimizer only.
     *
     * @param prefix a prefix such as {@link RptConstants#TUNE_OPTIMIZER_PREFIX}, ending in a dot
     */
    public RptConfig forRole(String prefix) {
        ConfigSource base = source;
        return new RptConfig(new ConfigSource() {
            @Override
            public Optional<String> get(String key) {
                if (key.startsWith(RptConstants.PREFIX)) {
                    Optional<String> override = base.get(own(key));
                    if (override.isPresent()) {
                        return override;
                    }
                }
                return base.get(key);
            }

            @Override
            public String origin(String key) {
                if (key.startsWith(RptConstants.PREFIX) && base.get(own(key)).isPresent()) {
                    return base.origin(own(key));
                }
                return base.origin(key);
            }

            private String own(String key) {
                return prefix + key.substring(RptConstants.PREFIX.length());
            }

            @Override
            public java.util.Set<String> keys() {
                java.util.Set<String> keys = new java.util.LinkedHashSet<>(base.keys());
                for (String key : base.keys()) {
                    if (key.startsWith(prefix)) {
                        keys.add(RptConstants.PREFIX + key.substring(prefix.length()));
                    }
                }
                return keys;
            }
        });
    }

    /**
     * The key a value of {@code key} was written under, e.g. {@code rpt.judge.price.gpt-4.1} for {@code
     * rpt.price.gpt-4.1} in the judge's view: what an error about the value names.
     */
    public String origin(String key) {
        return source.origin(key);
    }

    /** Every key set, for {@link ConfigKeys#unknown}: what the user wrote, read for no role. */
    public java.util.Set<String> keys() {
        return source.keys();
    }

    /** The trimmed value of a key, if set and not blank. */
    public Optional<String> string(String key) {
        return source.get(key).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** The value of a key that must be set. */
    public String requiredString(String key, String howToFix) {
        return string(key).orElseThrow(() -> new ConfigException(key + " is not set. " + howToFix));
    }

    /** An integer within {@code [min, max]}. */
    public Optional<Integer> integer(String key, int min, int max) {
        return string(key).map(value -> {
            int parsed;
            try {
                parsed = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw invalid(source.origin(key), value, "an integer between " + min + " and " + max);
            }
            if (parsed < min || parsed > max) {
                throw invalid(source.origin(key), value, "an integer between " + min + " and " + max);
            }
            return parsed;
        });
    }

    /** A long integer. */
    public Optional<Long> longValue(String key) {
        return string(key).map(value -> {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw invalid(source.origin(key), value, "an integer");
            }
        });
    }

    /** A number within {@code [min, max]}. */
    public Optional<Double> number(String key, double min, double max) {
        return string(key).map(value -> {
            double parsed;
            try {
                parsed = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw invalid(source.origin(key), value, "a number between " + min + " and " + max);
            }
            if (!(parsed >= min && parsed <= max)) {
                throw invalid(source.origin(key), value, "a number between " + min + " and " + max);
            }
            return parsed;
        });
    }

    /**
     * The sampling temperature ({@code rpt.temperature}, read through this config's role): a number from 0 to 2, 0
     * when unset (reproducible runs), or empty for {@code none}, which leaves the field out of the request for models
     * that accept only their default (OpenAI's reasoning models, recent Claude models).
     */
    public Optional<Double> temperature() {
        if (string(RptConstants.TEMPERATURE)
                .filter(value -> value.equalsIgnoreCase("none"))
                .isPresent()) {
            return Optional.empty();
        }
        try {
            return Optional.of(number(RptConstants.TEMPERATURE, 0, 2).orElse(0.0));
        } catch (ConfigException e) {
            throw invalid(
                    source.origin(RptConstants.TEMPERATURE),
                    string(RptConstants.TEMPERATURE).orElse(""),
                    "a number between 0.0 and 2.0, or none to leave the temperature out of the request");
        }
    }

    /** One of a fixed set of lower-case words. */
    public Optional<String> choice(String key, List<String> allowed) {
        return string(key).map(value -> {
            String normalized = value.toLowerCase(Locale.ROOT);
            if (!allowed.contains(normalized)) {
                throw invalid(source.origin(key), value, "one of " + String.join(", ", allowed));
            }
            return normalized;
        });
    }

    /**
     * A positive duration written as {@code 250ms}, {@code 30s}, {@code 2m}, {@code 1h}, {@code 7d} or ISO-8601 {@code
     * PT30S} or {@code P7D}.
     */
    public Optional<Duration> duration(String key) {
        return duration(key, "a duration such as 250ms, 30s, 2m, 1h or PT30S");
    }

    /**
     * A positive duration, as {@link #duration(String)} reads it, whose error says what the key expects in its own
     * words, e.g. {@code an age such as 12h, 7d or P7D}.
     */
    public Optional<Duration> duration(String key, String expected) {
        return string(key).map(value -> parseDuration(source.origin(key), value, expected));
    }

    /** The keys below a prefix with the prefix cut off, sorted, e.g. header names below {@code rpt.headers.}. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> values = new TreeMap<>();
        for (String key : source.keys()) {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                string(key).ifPresent(value -> values.put(key.substring(prefix.length()), value));
            }
        }
        return values;
    }

    private static Duration parseDuration(String key, String value, String expected) {
        Matcher matcher = SHORT_DURATION.matcher(value.toLowerCase(Locale.ROOT));
        Duration duration;
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            duration = switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(key, value, expected);
            }
        }
        if (duration.isNegative() || duration.isZero()) {
            throw invalid(key, value, "a positive duration: " + expected);
        }
        return duration;
    }

    /** The error for a value that is set but not allowed. */
    public static ConfigException invalid(String key, String value, String allowed) {
        return new ConfigException("Invalid value '" + value + "' for " + key + ": expected " + allowed + ".");
    }
}
