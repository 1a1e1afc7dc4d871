package dev.rpt.tools.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.core.calibration.MetricsOptions;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Looks at the report as a person would: headless Chromium renders {@code report.html} to a PNG, and the test checks
 * that the charts' fills and lines are actually painted. The PNG is kept in {@code target/html-report/} for a human to
 * look at. Skipped, with the reason, where Debian's {@code chromium} package is not installed.
 */
class HtmlReportChromiumTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 2000;

    @TempDir
    Path dir;

    @Test
    void chromiumDrawsEveryChartOfTheReport() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM),
                "headless Chromium is not installed at " + CHROMIUM + ", so the rendered report cannot be checked;"
                        + " install Debian's package with `apt-get install -y chromium` (CI's .ci/run does)");
        Path reportDir = dir.resolve("rpt");
        ReportFixtures.run(reportDir, true, ReportFixtures.mathCases());
        Path html = HtmlReport.write(
                reportDir, Optional.of(ReportFixtures.tune(reportDir.resolve("tune/t1"))), MetricsOptions.DEFAULTS);
        Path png = Files.createDirectories(Path.of("target", "html-report")).resolve("report.png");
        Files.deleteIfExists(png);

        screenshot(html, png);

        assertThat(png).exists();
        assertThat(Files.size(png)).as("a real screenshot, not an empty image").isGreaterThan(20_000);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        assertThat(pixels(image, Charts.ACCURACY_BARS))
                .as("reliability bars (and the accuracy lines of the tune chart)")
                .isGreaterThan(2_000);
        assertThat(pixels(image, Charts.PASSED))
                .as("passed cases in the histogram")
                .isGreaterThan(1_000);
        assertThat(pixels(image, Charts.FAILED))
                .as("failed cases in the histogram")
                .isGreaterThan(500);
        assertThat(pixels(image, Charts.ECE_LINE))
                .as("the ECE lines of the tune chart")
                .isGreaterThan(300);
        assertThat(pixels(image, Charts.BRIER_LINE))
                .as("the Brier lines of the tune chart")
                .isGreaterThan(300);
        assertThat(pixels(image, new Color(0xb0, 0x00, 0x20)))
                .as("the simulator banner")
                .isGreaterThan(10_000);
    }

    private void screenshot(Path html, Path png) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
        Process chromium = new ProcessBuilder(List.of(
                        CHROMIUM.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--hide-scrollbars",
                        "--user-data-dir=" + profile,
                        "--screenshot=" + png.toAbsolutePath(),
                        "--window-size=" + WIDTH + "," + HEIGHT,
                        html.toAbsolutePath().toUri().toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("chromium.log").toFile())
                .start();
        if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new AssertionError("Chromium did not finish the screenshot within 90 s; its output: "
                    + Files.readString(dir.resolve("chromium.log")));
        }
        assertThat(png)
                .as(
                        "Chromium exited with %d and wrote no screenshot; its output: %s",
                        chromium.exitValue(), Files.readString(dir.resolve("chromium.log")))
                .exists();
    }

    /** How many pixels are within a small distance of {@code color}: anti-aliased edges aside, a chart's fill. */
    private static int pixels(BufferedImage image, Color color) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xff) - color.getRed()) <= 12
                        && Math.abs(((rgb >> 8) & 0xff) - color.getGreen()) <= 12
                        && Math.abs((rgb & 0xff) - color.getBlue()) <= 12) {
                    count++;
                }
            }
        }
        return count;
    }
}
