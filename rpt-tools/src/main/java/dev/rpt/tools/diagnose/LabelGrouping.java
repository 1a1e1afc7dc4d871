package dev.rpt.tools.diagnose;

import java.util.List;
import java.util.Map;

/** Groups distinct critique labels into recurring modes. */
interface LabelGrouping {

    /**
     * The mode of every label.
     *
     * @param labels the distinct labels, at least one
     * @return the mode of each label, keyed by {@link LabelStats#key()}; every key is present
     * @throws RuntimeException when the grouping cannot be done; the caller then falls back to a simpler one
     */
    Map<String, ModeName> group(List<LabelStats> labels);
}
