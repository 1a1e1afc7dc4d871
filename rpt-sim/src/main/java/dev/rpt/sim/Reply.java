package dev.rpt.sim;

/**
 * What the simulated target says, before it is rendered as text or JSON.
 *
 * @param answer the answer field: prose or the bare answer
 * @param confidence the stated confidence in [0.01, 0.99], rounded to two decimals
 * @param justification one sentence on the steps taken or the slip made
 * @param correct whether the answer is the key's answer; never rendered, kept for tests and future roles
 */
record Reply(String answer, double confidence, String justification, boolean correct) {}
