/**
 * The runtime layer every provider gets: retries with backoff, the run-wide concurrency limit, the on-disk response
 * cache, and usage and cost metering. {@link dev.rpt.core.model.runtime.ChatModels} composes them around the provider
 * configured in {@code rpt.provider}; the decorators themselves stay package-private so that the order they are
 * composed in is decided in one place.
 */
package dev.rpt.core.model.runtime;
