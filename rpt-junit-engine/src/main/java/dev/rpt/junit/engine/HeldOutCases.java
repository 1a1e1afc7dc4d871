package dev.rpt.junit.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.api.Split;
import dev.rpt.core.config.ModelTarget;
import dev.rpt.core.report.CaseKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestDescriptor;

/**
 * The held-out cases of a discovered test plan, per prompt, named as the tuner names them: {@code class[model]#method#id},
 * the key its confirmation split is drawn on. For the tune's estimate, which says before any call how small a gain the
 * held-out cases can show.
 */
@API(status = INTERNAL, since = "0.3")
public final class HeldOutCases {

    private HeldOutCases() {}

    /**
     * @param root the engine's descriptor after discovery
     * @return per prompt resource, its held-out cases' keys, each case on each model once; prompts without a held-out
     *     case are present with an empty list
     */
    public static Map<String, List<String>> of(TestDescriptor root) {
        Map<String, List<String>> byPrompt = new TreeMap<>();
        for (TestDescriptor descendant : root.getDescendants()) {
            if (descendant instanceof CaseDescriptor c) {
                PromptClassDescriptor testClass = c.testClass();
                List<String> keys = byPrompt.computeIfAbsent(testClass.promptResource(), prompt -> new ArrayList<>());
                if (c.promptCase().split() == Split.HOLDOUT) {
                    keys.add(new CaseKey(
                                    testClass.testClass().getName() + ModelTarget.suffix(c.model()),
                                    c.method().getName(),
                                    c.promptCase().id())
                            .qualified());
                }
            }
        }
        return byPrompt;
    }
}
