package dev.rpt.core.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * A configuration value is missing or invalid. The message names the key (or environment variable), the value that
 * was found, and what to do about it.
 */
@API(status = INTERNAL, since = "0.1")
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
