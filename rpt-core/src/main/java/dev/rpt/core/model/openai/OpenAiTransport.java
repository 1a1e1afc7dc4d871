package dev.rpt.core.model.openai;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.model.ApiKey;
import dev.rpt.core.model.ModelSettings;
import dev.rpt.core.model.ModelTimeoutException;
import dev.rpt.core.model.TransportException;
import dev.rpt.core.model.http.HttpClients;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * POSTs JSON to one OpenAI-compatible server and returns the body of a successful response. It owns the base URL,
 * the authentication and extra headers, and the mapping of every failure to a typed {@link
 * dev.rpt.core.model.ModelException}. It never retries.
 */
final class OpenAiTransport {

    static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    private static final MediaType JSON = MediaType.get("application/json");
    private static final MediaType JSONL = MediaType.get("application/jsonl");

    /** A fixed multipart boundary, so that an upload is the same bytes every time (and testable byte for byte). */
    static final String BOUNDARY = "rpt-batch-upload-boundary";

    private final OkHttpClient client;
    private final HttpUrl baseUrl;
    private final Headers headers;
    private final String keyVariable;
    private final String secret;
    private final OpenAiErrorMapper errors;

    private OpenAiTransport(
            OkHttpClient client, HttpUrl baseUrl, Headers headers, ApiKey key, OpenAiErrorMapper errors) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.headers = headers;
        this.keyVariable = key == null ? null : key.variable();
        this.secret = key == null ? null : key.reveal();
        this.errors = errors;
    }

    /**
     * Reads the key once and fixes the headers.
     *
     * @throws ConfigException when the base URL, a header or the key is unusable
     */
    static OpenAiTransport create(ModelSettings settings, UnaryOperator<String> environment) {
        return create(settings, environment, Clock.systemUTC());
    }

    static OpenAiTransport create(ModelSettings settings, UnaryOperator<String> environment, Clock clock) {
        HttpUrl baseUrl = parseBaseUrl(settings.baseUrl().orElse(DEFAULT_BASE_URL));
        ApiKey key = settings.apiKeyEnv()
                .filter(name -> !name.equalsIgnoreCase("none"))
                .map(name -> ApiKey.fromEnvironment(name, environment))
                .orElse(null);
        Headers headers = headers(settings, key);
        String keyHint = key == null ? "no API key (" + RptConstants.API_KEY_ENV + "=none)" : "$" + key.variable();
        return new OpenAiTransport(
                HttpClients.withTimeout(settings.timeout()),
                baseUrl,
                headers,
                key,
                new OpenAiErrorMapper(keyHint, clock));
    }

    /**
     * POSTs the body to {@code {base}/{path}} and returns the response body of a 2xx answer.
     *
     * @throws dev.rpt.core.model.ModelException for every failure: HTTP errors, timeouts and broken connections
     */
    String post(String path, byte[] json) {
        HttpUrl url = baseUrl.newBuilder().addPathSegments(path).build();
        return execute(
                url,
                new Request.Builder()
                        .url(url)
                        .headers(headers)
                        .post(RequestBody.create(json, JSON))
                        .build());
    }

    /**
     * GETs {@code {base}/{path}} and returns the response body of a 2xx answer.
     *
     * @throws dev.rpt.core.model.ModelException for every failure, as {@link #post}
     */
    String get(String path) {
        return get(path, Map.of());
    }

    /** GETs a path under the base URL with query parameters, added to any the base URL has (Azure's api-version). */
    String get(String path, Map<String, String> query) {
        HttpUrl.Builder builder = baseUrl.newBuilder().addPathSegments(path);
        query.forEach(builder::addQueryParameter);
        HttpUrl url = builder.build();
        return execute(
                url, new Request.Builder().url(url).headers(headers).get().build());
    }

    /**
     * Uploads a file as {@code multipart/form-data} with the fields {@code purpose} and {@code file}, as the Files API
     * takes it, and returns the response body of a 2xx answer.
     *
     * @throws dev.rpt.core.model.ModelException for every failure, as {@link #post}
     */
    String upload(String path, String purpose, String fileName, byte[] content) {
        HttpUrl url = baseUrl.newBuilder().addPathSegments(path).build();
        RequestBody body = new MultipartBody.Builder(BOUNDARY)
                .setType(MultipartBody.FORM)
                .addFormDataPart("purpose", purpose)
                .addFormDataPart("file", fileName, RequestBody.create(content, JSONL))
                .build();
        return execute(
                url, new Request.Builder().url(url).headers(headers).post(body).build());
    }

    private String execute(HttpUrl url, Request request) {
        try (Response response = client.newCall(request).execute()) {
            // Read the whole body before judging the status, so that a truncated body is a transport failure.
            String body = redact(response.body().string());
            if (response.isSuccessful()) {
                OptionalInt embedded = OpenAiErrorMapper.embeddedError(body);
                if (embedded.isPresent()) {
                    throw errors.mapEmbedded(embedded.getAsInt(), body, response.headers());
                }
                return body;
            }
            throw errors.map(response.code(), body, response.headers());
        } catch (SocketTimeoutException e) {
            throw new ModelTimeoutException("No response from " + describe(url) + " within the timeout", e);
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                // Keep the flag set so the caller's loop sees the interruption.
                Thread.currentThread().interrupt();
                throw new TransportException("The call to " + describe(url) + " was interrupted", e);
            }
            // OkHttp reports its call timeout as a plain InterruptedIOException.
            throw new ModelTimeoutException("No response from " + describe(url) + " within the timeout", e);
        } catch (IOException e) {
            throw new TransportException(
                    "The connection to " + describe(url) + " failed: "
                            + e.getClass().getSimpleName() + messageOf(e),
                    e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // OkHttp (Kotlin) can throw InterruptedException without declaring it, when interrupted while queued.
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new TransportException("The call to " + describe(url) + " was interrupted", e);
            }
            throw new TransportException(
                    "The call to " + describe(url) + " failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The URL of an endpoint, for messages and tests. */
    String urlOf(String path) {
        return baseUrl.newBuilder().addPathSegments(path).build().toString();
    }

    @Override
    public String toString() {
        return "OpenAiTransport[" + baseUrl.redact() + ", key=" + (keyVariable == null ? "none" : "$" + keyVariable)
                + "=****]";
    }

    private String messageOf(IOException e) {
        return e.getMessage() == null ? "" : " (" + redact(e.getMessage()) + ")";
    }

    private static String describe(HttpUrl url) {
        // Without the query, which may hold an Azure api-version but could hold anything a user put there.
        return url.newBuilder().query(null).build().toString();
    }

    /** Removes the key from text a server sent back, in case it echoes it. */
    private String redact(String text) {
        return secret == null || text == null ? text : text.replace(secret, "****");
    }

    private static HttpUrl parseBaseUrl(String value) {
        HttpUrl url = HttpUrl.parse(value);
        if (url == null) {
            throw new ConfigException(RptConstants.BASE_URL + " is not an http(s) URL: '" + value
                    + "'. Set it to the API root that ends before /chat/completions, e.g. https://api.openai.com/v1"
                    + " or http://localhost:11434/v1.");
        }
        return url;
    }

    private static Headers headers(ModelSettings settings, ApiKey key) {
        Headers.Builder builder = new Headers.Builder();
        for (Map.Entry<String, String> header : settings.headers().entrySet()) {
            try {
                builder.add(header.getKey(), header.getValue());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(RptConstants.HEADERS_PREFIX + header.getKey()
                        + " is not a valid HTTP header (" + e.getMessage()
                        + "). Use a token name and a printable ASCII value.");
            }
        }
        builder.set("Accept", "application/json");
        if (key != null) {
            try {
                if (settings.authHeader().equals("api-key")
                        || settings.authHeader().equals("x-api-key")) {
                    builder.set(settings.authHeader(), key.reveal());
                } else {
                    builder.set("Authorization", "Bearer " + key.reveal());
                }
            } catch (IllegalArgumentException e) {
                // OkHttp's message would quote the value, i.e. the key: say where it is instead.
                throw new ConfigException("The API key in $" + key.variable()
                        + " contains characters that cannot go into an HTTP header. Check the variable's value.");
            }
        }
        return builder.build();
    }
}
