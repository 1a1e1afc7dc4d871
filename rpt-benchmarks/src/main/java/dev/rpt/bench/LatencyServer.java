package dev.rpt.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible Chat Completions endpoint that answers "What is n plus 1?" right after a fixed latency. It
 * uses the JDK's HTTP server with one worker per possible in-flight call, so the latency is the only wait: MockWebServer
 * added about 40 ms per sequential call on this machine, which would swamp the numbers.
 */
final class LatencyServer implements AutoCloseable {

    /** More workers than the highest concurrency measured, so no request queues at the server. */
    private static final int WORKERS = 128;

    private static final Pattern QUESTION = Pattern.compile("What is (\\d+) plus 1\\?");

    private final HttpServer server;
    private final ExecutorService workers;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile long latencyMs;
    private volatile int rateLimitEvery;
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong inFlightSum = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong served = new java.util.concurrent.atomic.AtomicLong();
    private volatile int capacity;

    private LatencyServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    static LatencyServer start() throws IOException {
        // The JDK server leaves Nagle's algorithm on by default; with delayed ACKs that costs up to 40 ms a reply.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, runnable -> {
            Thread thread = new Thread(runnable, "latency-server");
            thread.setDaemon(true);
            return thread;
        });
        LatencyServer fake = new LatencyServer(server, workers);
        server.createContext("/v1/chat/completions", fake::handle);
        server.setExecutor(workers);
        server.start();
        return fake;
    }

    /** Sets the time every later request waits before its answer. */
    void latencyMs(long latencyMs) {
        this.latencyMs = latencyMs;
    }

    /** Answers every n-th request with a 429 and {@code retry-after-ms: 10} (0 turns it off). */
    void rateLimitEvery(int n) {
        this.rateLimitEvery = n;
    }

    /**
     * Allows at most {@code k} requests in flight; one beyond gets a 429 at once, as a provider's concurrency limit
     * does (0 turns it off).
     */
    void capacity(int k) {
        this.capacity = k;
    }

    /** The mean number of requests in flight when a request was answered, since the last reset. */
    double meanInFlight() {
        long count = served.get();
        return count == 0 ? 0 : (double) inFlightSum.get() / count;
    }

    /** Resets the in-flight statistics. */
    void resetInFlight() {
        inFlightSum.set(0);
        served.set(0);
    }

    /** The 429s sent since start. */
    int rateLimited() {
        return rateLimited.get();
    }

    String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + "/v1";
    }

    /** Requests received since start. */
    int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int count = requests.incrementAndGet();
            int every = rateLimitEvery;
            int now = inFlight.incrementAndGet();
            int allowed = capacity;
            try {
                if ((every > 0 && count % every == 0) || (allowed > 0 && now > allowed)) {
                    tooMany(exchange);
                    return;
                }
                inFlightSum.addAndGet(now);
                served.incrementAndGet();
                long wait = latencyMs;
                if (wait > 0) {
                    TimeUnit.MILLISECONDS.sleep(wait);
                }
            } finally {
                inFlight.decrementAndGet();
            }
            byte[] reply = completion(answerTo(body)).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("content-type", "application/json");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void tooMany(HttpExchange exchange) throws IOException {
        rateLimited.incrementAndGet();
        byte[] error = ("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_exceeded\","
                        + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "application/json");
        exchange.getResponseHeaders().set("retry-after-ms", "10");
        exchange.sendResponseHeaders(429, error.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(error);
        }
    }

    /** The reply body the server sends for a request body; the JMH benchmark answers with the same bytes. */
    static String replyTo(String requestBody) {
        return completion(answerTo(requestBody));
    }

    // A regular expression over the raw body keeps the server's CPU cost out of the engine's per-case overhead.
    private static String answerTo(String body) {
        Matcher question = QUESTION.matcher(body);
        return question.find() ? String.valueOf(Long.parseLong(question.group(1)) + 1) : "I don't know";
    }

    private static String completion(String answer) {
        String content = "{\\\"answer\\\":\\\"" + answer
                + "\\\",\\\"confidence\\\":0.9,\\\"justification\\\":\\\"added one\\\"}";
        return "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"model\":\"gpt-4.1-mini\","
                + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\","
                + "\"content\":\"" + content + "\"}}],"
                + "\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":10,\"total_tokens\":60}}";
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
