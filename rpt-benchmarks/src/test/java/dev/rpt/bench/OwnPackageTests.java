package dev.rpt.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks reach rpt through its public API only: no class of this module may sit in another module's package
 * (a split package), as one once did to reach the OpenAI codec.
 */
class OwnPackageTests {

    @Test
    void everyClassOfTheModuleIsInDevRptBench() throws IOException, URISyntaxException {
        Path classes = Path.of(WireCodecModel.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            assertThat(files.filter(f -> f.toString().endsWith(".class"))
                            .map(classes::relativize)
                            .map(Path::toString))
                    .isNotEmpty()
                    .allSatisfy(name ->
                            assertThat(name).startsWith("dev/rpt/bench/".replace('/', java.io.File.separatorChar)));
        }
    }
}
