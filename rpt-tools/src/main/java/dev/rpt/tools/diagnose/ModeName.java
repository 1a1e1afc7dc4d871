package dev.rpt.tools.diagnose;

import java.util.Objects;

/**
 * The recurring mode a label belongs to.
 *
 * @param label the mode's label
 * @param definition the mode's definition
 */
record ModeName(String label, String definition) {

    ModeName {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(definition, "definition");
    }

    static ModeName of(LabelStats stats) {
        return new ModeName(stats.label(), stats.definition());
    }
}
