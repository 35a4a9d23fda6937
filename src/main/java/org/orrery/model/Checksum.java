package org.orrery.model;

import java.util.zip.Adler32;
import java.util.zip.CRC32C;

/**
 * A quick fingerprint of a feed's bytes: whether a feed answered with the same bytes as last
 * time, so that it need not be parsed again. Its length and two independent 32-bit checksums
 * (CRC-32C and Adler-32), which the JVM computes with processor instructions from the first
 * call, where SHA-256 ran interpreted or in C1's code for most of a run and was an eighth of a
 * first run's CPU. It guards against accidents, not adversaries: a feed that made its new
 * bytes collide with its old ones would only keep its own old entries.
 */
public final class Checksum {
    private Checksum() {}

    /** {@code <length>:<crc32c>:<adler32>}, in hex. */
    public static String of(byte[] bytes) {
        var crc = new CRC32C();
        crc.update(bytes);
        var adler = new Adler32();
        adler.update(bytes);
        return Integer.toHexString(bytes.length) + ":" + Long.toHexString(crc.getValue()) + ":"
                + Long.toHexString(adler.getValue());
    }
}
