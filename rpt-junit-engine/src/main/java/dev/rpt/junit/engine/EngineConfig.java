package dev.rpt.junit.engine;

import dev.rpt.core.config.ConfigSource;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * {@code rpt.*} configuration from JUnit's configuration parameters, which already layer explicit launcher
 * parameters (Surefire's {@code configurationParameters}), system properties and {@code junit-platform.properties}.
 */
final class EngineConfig {

    private EngineConfig() {}

    static RptConfig from(ConfigurationParameters parameters) {
        return RptConfig.of(new ConfigSource() {
            @Override
            public Optional<String> get(String key) {
                return parameters.get(key);
            }

            @Override
            public Set<String> keys() {
                return parameters.keySet().stream()
                        .filter(key -> key.startsWith(RptConstants.PREFIX))
                        .collect(Collectors.toUnmodifiableSet());
            }
        });
    }
}
