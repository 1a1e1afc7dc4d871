/**
 * The {@code openai} provider: OpenAI Chat Completions and Embeddings, and every server that speaks the same wire
 * format (Azure OpenAI, Ollama, vLLM, llama.cpp, LM Studio, OpenRouter).
 *
 * <p>OkHttp and Jackson stay inside this package; the public surface is {@link
 * dev.rpt.core.model.openai.OpenAiProvider} and {@link dev.rpt.core.model.openai.OpenAiOptions}.
 */
package dev.rpt.core.model.openai;
