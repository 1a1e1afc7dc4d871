/**
 * The offline simulator ({@code rpt.provider=sim}): a deterministic stand-in for a chat model, driven by an answer
 * key. It is not a model and never presents itself as one: its {@link dev.rpt.core.model.ModelInfo} says {@code
 * simulated = true} and every reply's model name ends in {@code (SIMULATOR)}. Its accuracy and confidence follow
 * documented rules that respond to what the prompt asks for (see {@code docs/simulator.md}), so the tuner has
 * something real to improve offline.
 *
 * <p>It plays three roles, chosen per request: the target (the model under test), the critic (names failure modes
 * from a fixed vocabulary) and the optimizer (a scripted policy that speaks the tuner's tool-calling protocol).
 */
package dev.rpt.sim;
