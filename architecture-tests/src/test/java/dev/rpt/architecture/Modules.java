package dev.rpt.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/** Which module a class belongs to, by its package, and where it was loaded from. */
final class Modules {

    /** Each published module with its packages; a package named here includes its sub-packages. */
    static final Map<String, List<String>> PACKAGES = new LinkedHashMap<>();

    static {
        PACKAGES.put("rpt-api", List.of("dev.rpt.api"));
        PACKAGES.put("rpt-prompt", List.of("dev.rpt.prompt", "dev.rpt.chat"));
        PACKAGES.put("rpt-core", List.of("dev.rpt.core"));
        PACKAGES.put("rpt-sim", List.of("dev.rpt.sim"));
        PACKAGES.put("rpt-assertions", List.of("dev.rpt.assertions"));
        PACKAGES.put("rpt-junit-engine", List.of("dev.rpt.junit"));
        PACKAGES.put("rpt-tools", List.of("dev.rpt.tools"));
        PACKAGES.put("rpt-maven-plugin", List.of("dev.rpt.maven"));
        PACKAGES.put("rpt-cli", List.of("dev.rpt.cli"));
    }

    private Modules() {}

    static String of(JavaClass type) {
        String name = type.getPackageName();
        return PACKAGES.entrySet().stream()
                .filter(module ->
                        module.getValue().stream().anyMatch(pkg -> name.equals(pkg) || name.startsWith(pkg + ".")))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("(none)");
    }

    /** The directory or jar the class was read from: one per artifact. */
    static String locationOf(JavaClass type) {
        String uri = type.getSource().orElseThrow().getUri().toString();
        int jar = uri.indexOf(".jar!");
        if (jar >= 0) {
            return uri.substring(0, jar + 4);
        }
        int classes = uri.indexOf("/classes/");
        return classes >= 0 ? uri.substring(0, classes) : uri;
    }

    /** {@code @API(status = INTERNAL)}. */
    static DescribedPredicate<JavaAnnotation<?>> internal() {
        return DescribedPredicate.describe(
                "@API(status = INTERNAL)",
                annotation -> annotation.getRawType().isEquivalentTo(API.class)
                        && annotation
                                .get("status")
                                .map(status ->
                                        ((JavaEnumConstant) status).name().equals("INTERNAL"))
                                .orElse(false));
    }
}
