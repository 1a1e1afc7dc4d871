/**
 * The prompt resource: a {@code .prompt} file in the dotprompt convention (YAML front matter, then a body with
 * {@code {{role "system"}}} / {@code {{role "user"}}} sections and {@code {{variable}}} placeholders).
 *
 * <p>{@link dev.rpt.core.prompt.PromptFile} parses and validates a file and renders it with variable values into a
 * {@link dev.rpt.core.prompt.RenderedPrompt}; {@link dev.rpt.core.prompt.PromptFile#withSections} rewrites the
 * section texts for the tuner while keeping everything else byte for byte; {@link dev.rpt.core.prompt.PromptWriter}
 * stores the result atomically and {@link dev.rpt.core.prompt.PromptDiff} shows what changed. The format is
 * documented in {@code docs/prompt-format.md}.
 */
package dev.rpt.core.prompt;
