package dev.rpt.tools.diagnose;

/**
 * One failure mode a critic named for one case, or the deterministic label standing in for it.
 *
 * @param label 2-6 words
 * @param definition what the mode means
 * @param why why the case shows it (empty for a deterministic label)
 * @param basis what in the case supports it (empty for a deterministic label)
 */
record CritiqueMode(String label, String definition, String why, String basis) {

    static CritiqueMode deterministic(String label, String definition) {
        return new CritiqueMode(label, definition, "", "");
    }
}
