package dev.rpt.core.files;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apiguardian.api.API;

/**
 * SHA-256, the one digest rpt's files use: the cache's content addresses, the prompt and answer hashes the reports and
 * baselines record, and the held-out split.
 */
@API(status = INTERNAL, since = "0.2")
public final class Sha256 {

    private Sha256() {}

    /** The digest of a text's UTF-8 bytes, in lower-case hex, as every rpt file writes it. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The digest of some bytes. */
    public static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
