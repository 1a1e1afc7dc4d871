package dev.rpt.tools.diagnose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The last resort: labels that are equal after normalization form one mode, nothing else groups. */
final class ExactGrouping implements LabelGrouping {

    @Override
    public Map<String, ModeName> group(List<LabelStats> labels) {
        Map<String, ModeName> modes = new LinkedHashMap<>();
        labels.forEach(stats -> modes.put(stats.key(), ModeName.of(stats)));
        return modes;
    }
}
