import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for Maven Central's Publisher Portal on the loopback interface, for scripts/release-dry-run.sh: it takes
 * the bundle the publishing plugin uploads and keeps it in a local directory instead of publishing it, answers that
 * nothing is published yet, and reports every deployment as validated. It never sees a real credential (the dry run's
 * settings hold a placeholder) and records no request header. Run with: java FakeCentralPortal.java DIRECTORY; it
 * writes the port it listens on to DIRECTORY/port.
 */
public class FakeCentralPortal {

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        Files.createDirectories(directory);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/publisher/upload", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                Files.write(directory.resolve("upload.bin"), body.readAllBytes());
            }
            Files.writeString(directory.resolve("upload.query"), String.valueOf(exchange.getRequestURI().getQuery()));
            reply(exchange, 201, "text/plain", "dry-run-deployment");
        });
        server.createContext("/api/v1/publisher/published", exchange -> reply(
                exchange, 200, "application/json", "{\"published\":false}"));
        server.createContext("/api/v1/publisher/status", exchange -> reply(
                exchange,
                200,
                "application/json",
                "{\"deploymentId\":\"dry-run-deployment\",\"deploymentName\":\"dry run\","
                        + "\"deploymentState\":\"VALIDATED\",\"purls\":[]}"));
        server.start();
        Files.writeString(directory.resolve("port"), String.valueOf(server.getAddress().getPort()));
    }

    private static void reply(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
