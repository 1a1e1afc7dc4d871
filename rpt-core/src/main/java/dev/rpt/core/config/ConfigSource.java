package dev.rpt.core.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Where configuration values come from: {@code junit-platform.properties}, Surefire configuration parameters, system
 * properties or a Maven plugin's {@code <configuration>}. Front ends adapt their own source to this interface.
 */
@API(status = INTERNAL, since = "0.1")
public interface ConfigSource {

    /** The raw value of a key, if set. */
    Optional<String> get(String key);

    /** Every key this source holds; used to read prefixed families such as {@code rpt.headers.*}. */
    Set<String> keys();

    /**
     * The key a value of {@code key} was written under: the key itself, or, for a view that reads another key in its
     * place (a role's {@code rpt.judge.timeout} for {@code rpt.timeout}), that key, so an error names what the user
     * wrote.
     */
    default String origin(String key) {
        return key;
    }

    /** Every key this source holds with the value that wins, e.g. to hand the configuration to an isolated run. */
    default Map<String, String> resolved() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : keys()) {
            get(key).ifPresent(value -> values.put(key, value));
        }
        return values;
    }

    /** A source over a fixed map. */
    static ConfigSource of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new ConfigSource() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(copy.get(key));
            }

            @Override
            public Set<String> keys() {
                return copy.keySet();
            }
        };
    }

    /** A snapshot of the {@code rpt.*} system properties. */
    static ConfigSource systemProperties() {
        Properties properties = System.getProperties();
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(RptConstants.PREFIX)) {
                values.put(name, properties.getProperty(name));
            }
        }
        return of(values);
    }

    /** The first source that has a key wins. */
    static ConfigSource layered(List<ConfigSource> sources) {
        List<ConfigSource> copy = List.copyOf(sources);
        return new ConfigSource() {
            @Override
            public Optional<String> get(String key) {
                for (ConfigSource source : copy) {
                    Optional<String> value = source.get(key);
                    if (value.isPresent()) {
                        return value;
                    }
                }
                return Optional.empty();
            }

            @Override
            public Set<String> keys() {
                Set<String> keys = new LinkedHashSet<>();
                copy.forEach(source -> keys.addAll(source.keys()));
                return keys;
            }
        };
    }
}
