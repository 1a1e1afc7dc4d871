/**
 * The prompt resource: a {@code .prompt} file in the dotprompt convention (YAML front matter, then a body with
 * {@code {{role "system"}}} / {@code {{role "user"}}} sections and {@code {{variable}}} placeholders).
 *
 * <p>{@link dev.rpt.prompt.PromptFile} parses and validates a file and renders it with variable values into a
 * {@link dev.rpt.prompt.RenderedPrompt}; {@link dev.rpt.prompt.PromptFile#withSections} rewrites the
 * section texts for the tuner while keeping everything else byte for byte; {@link dev.rpt.prompt.PromptWriter}
 * stores the result atomically. The format is documented in {@code docs/prompt-format.md}.
 *
 * <p>This package and {@link dev.rpt.chat} make up the {@code rpt-prompt} artifact, all that an application needs to
 * load and render its prompt files at run time: it depends on Jackson (and apiguardian's annotations) only.
 */
package dev.rpt.prompt;
