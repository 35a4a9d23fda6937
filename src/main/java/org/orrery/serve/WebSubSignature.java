package org.orrery.serve;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Checks a push's {@code X-Hub-Signature} (WebSub §8: {@code method=hex HMAC of the body}). */
final class WebSubSignature {
    private WebSubSignature() {}

    /**
     * Whether {@code header} is an HMAC of {@code body} keyed with {@code secret}, by one of the
     * methods WebSub names (sha1, sha256, sha384, sha512); compared in constant time.
     */
    static boolean valid(String header, String secret, byte[] body) {
        int eq = header.indexOf('=');
        if (eq < 0) {
            return false;
        }
        String algorithm =
                switch (header.substring(0, eq).strip().toLowerCase(Locale.ROOT)) {
                    case "sha1" -> "HmacSHA1";
                    case "sha256" -> "HmacSHA256";
                    case "sha384" -> "HmacSHA384";
                    case "sha512" -> "HmacSHA512";
                    default -> null;
                };
        if (algorithm == null) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(eq + 1).strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false; // not hex: no signature of ours
        }
        return MessageDigest.isEqual(given, sign(algorithm, secret, body));
    }

    /** The HMAC of {@code body} keyed with {@code secret} ({@code algorithm}: a JCA Mac name). */
    static byte[] sign(String algorithm, String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e); // every JDK has all four
        }
    }
}
