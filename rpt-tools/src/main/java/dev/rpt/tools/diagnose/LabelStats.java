package dev.rpt.tools.diagnose;

/**
 * One distinct critique label (after {@link Labels#key normalization}) and how many cases carry it.
 *
 * @param key the normalized label
 * @param label the most frequent spelling
 * @param definition the definition given with the first occurrence
 * @param cases how many cases carry the label
 */
record LabelStats(String key, String label, String definition, int cases) {}
