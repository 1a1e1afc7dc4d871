package dev.rpt.sim;

/**
 * A reply as text, with where the answer sits in it, so that log-probabilities can be put on the answer's tokens.
 *
 * @param text the full reply text
 * @param answerStart the index of the answer's first character in {@code text}
 * @param answerEnd the index after the answer's last character
 */
record Rendered(String text, int answerStart, int answerEnd) {}
