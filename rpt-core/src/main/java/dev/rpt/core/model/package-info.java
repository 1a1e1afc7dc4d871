/**
 * The {@link dev.rpt.core.model.ChatModel} SPI and its immutable request and response values.
 *
 * <p>Providers live in sub-packages ({@code openai}, {@code anthropic}, {@code sim}); HTTP and JSON libraries stay
 * inside them. Cross-cutting behaviour (retries, the concurrency limit, the response cache and usage metering) is
 * layered on as decorators, so every provider gets it the same way.
 */
package dev.rpt.core.model;
