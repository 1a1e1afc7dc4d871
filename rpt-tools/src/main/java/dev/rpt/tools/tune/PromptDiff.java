package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.List;
import org.apiguardian.api.API;

/** Unified diffs of prompt text, as the tuner stores them for every iteration. */
@API(status = INTERNAL, since = "0.1")
public final class PromptDiff {

    private static final int CONTEXT_LINES = 3;

    private PromptDiff() {}

    /**
     * The unified diff from {@code oldText} to {@code newText}, with headers {@code a/<path>} and {@code b/<path>}
     * and 3 lines of context; empty when the texts have the same lines. Lines are compared without their line
     * endings and the diff uses {@code \n}.
     *
     * @param path the file's path as it should appear in the headers, e.g. relative to the project
     */
    public static String unified(String path, String oldText, String newText) {
        List<String> oldLines = oldText.lines().toList();
        List<String> newLines = newText.lines().toList();
        Patch<String> patch = DiffUtils.diff(oldLines, newLines);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        String name = path.replace('\\', '/');
        List<String> diff =
                UnifiedDiffUtils.generateUnifiedDiff("a/" + name, "b/" + name, oldLines, patch, CONTEXT_LINES);
        return String.join("\n", diff) + "\n";
    }
}
