package dev.rpt.tools.gate;

import dev.rpt.core.report.CaseKey;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.RunReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** A run's case records grouped by class, then by case; repeated samples of a case share its key. */
final class CaseTable {

    private CaseTable() {}

    /**
     * Class key ({@link dev.rpt.core.report.ClassInfo#classKey()}: the name, and the model in a run that names its
     * models) to case key to the case's records, classes in report order.
     */
    static Map<String, SortedMap<CaseKey, List<CaseRecord>>> of(RunReport report) {
        Map<String, SortedMap<CaseKey, List<CaseRecord>>> table = new LinkedHashMap<>();
        report.classes().forEach(info -> table.put(info.classKey(), new TreeMap<>()));
        for (CaseRecord record : report.cases()) {
            table.computeIfAbsent(record.classKey(), name -> new TreeMap<>())
                    .computeIfAbsent(record.key(), key -> new ArrayList<>())
                    .add(record);
        }
        return table;
    }

    /** Each case of one class folded over its samples. */
    static SortedMap<CaseKey, CaseSamples> folded(SortedMap<CaseKey, List<CaseRecord>> cases) {
        SortedMap<CaseKey, CaseSamples> folded = new TreeMap<>();
        cases.forEach((key, records) -> folded.put(key, CaseSamples.of(records)));
        return folded;
    }
}
