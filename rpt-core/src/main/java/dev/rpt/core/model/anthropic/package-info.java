/**
 * The {@code anthropic} provider: Anthropic's Messages API ({@code POST {base}/v1/messages}, API version
 * {@code 2023-06-01}).
 *
 * <p>{@link dev.rpt.core.model.anthropic.AnthropicProvider} is the only public type. Jackson and OkHttp stay inside
 * this package. Differences from the OpenAI-style SPI are bridged here: system messages become the top-level
 * {@code system} string, consecutive turns of one role are merged, tool results travel in user turns, structured
 * output is a forced tool, and log-probabilities are not available.
 */
package dev.rpt.core.model.anthropic;
