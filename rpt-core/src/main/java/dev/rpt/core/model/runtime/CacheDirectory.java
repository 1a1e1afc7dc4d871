package dev.rpt.core.model.runtime;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where the response cache lives: {@link RptConstants#CACHE_DIR} when set, else {@code $XDG_CACHE_HOME/rpt}, else
 * {@code ~/.cache/rpt}. A per-user default lets every project of a machine share recorded replies.
 */
final class CacheDirectory {

    private CacheDirectory() {}

    /**
     * @param environment looks up environment variables ({@code System::getenv} outside tests)
     * @param userHome the user's home directory, for the last fallback
     */
    static Path resolve(RptConfig config, UnaryOperator<String> environment, Path userHome) {
        return resolve(config, environment, userHome, Path.of("").toAbsolutePath());
    }

    /** @param base what a relative {@link RptConstants#CACHE_DIR} is relative to */
    static Path resolve(RptConfig config, UnaryOperator<String> environment, Path userHome, Path base) {
        String configured = config.string(RptConstants.CACHE_DIR).orElse(null);
        if (configured != null) {
            try {
                return base.resolve(configured).toAbsolutePath();
            } catch (InvalidPathException e) {
                throw RptConfig.invalid(RptConstants.CACHE_DIR, configured, "a directory path");
            }
        }
        String xdg = environment.apply("XDG_CACHE_HOME");
        // The XDG spec says a relative value is invalid and must be ignored.
        if (xdg != null && !xdg.isBlank()) {
            try {
                Path xdgBase = Path.of(xdg.strip());
                if (xdgBase.isAbsolute()) {
                    return xdgBase.resolve("rpt");
                }
            } catch (InvalidPathException ignored) {
                // Fall back to the home directory, as for an unset variable.
            }
        }
        return userHome.resolve(".cache").resolve("rpt");
    }
}
