package dev.rpt.core.model.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.apiguardian.api.API;

/**
 * The OkHttp clients of a JVM. All clients share one connection pool and one dispatcher, so connections are reused
 * across providers and calls; each gets its own timeouts.
 */
@API(status = INTERNAL, since = "0.1")
public final class HttpClients {

    private static final OkHttpClient ROOT = new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(64, 5, java.util.concurrent.TimeUnit.MINUTES))
            .dispatcher(unlimitedDispatcher())
            // Retries are ours (with backoff and typed errors), not OkHttp's silent ones.
            .retryOnConnectionFailure(false)
            .build();

    private HttpClients() {}

    /** A client sharing the JVM-wide pool, with the given per-call timeout. */
    public static OkHttpClient withTimeout(Duration timeout) {
        return ROOT.newBuilder()
                .callTimeout(timeout)
                .readTimeout(timeout)
                .connectTimeout(Duration.ofSeconds(Math.min(10, Math.max(1, timeout.toSeconds()))))
                .build();
    }

    private static Dispatcher unlimitedDispatcher() {
        // rpt.concurrency bounds calls; OkHttp's own per-host limit of 5 would silently cap it below that.
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(1024);
        dispatcher.setMaxRequestsPerHost(1024);
        return dispatcher;
    }
}
