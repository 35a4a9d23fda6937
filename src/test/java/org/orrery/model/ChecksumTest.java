package org.orrery.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A feed's bytes are recognised again, and any change to them is noticed. */
class ChecksumTest {
    @Test
    void theSameBytesGiveTheSameChecksumAndAnyChangeAnother() {
        byte[] feed = "<rss><channel><item><title>One</title></item></channel></rss>".getBytes(StandardCharsets.UTF_8);
        assertThat(Checksum.of(feed.clone())).isEqualTo(Checksum.of(feed));

        var seen = new HashSet<String>();
        seen.add(Checksum.of(feed));
        for (int i = 0; i < feed.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] changed = feed.clone();
                changed[i] ^= (byte) (1 << bit);
                assertThat(seen.add(Checksum.of(changed)))
                        .as("byte %d bit %d", i, bit)
                        .isTrue();
            }
        }
        assertThat(Checksum.of(java.util.Arrays.copyOf(feed, feed.length + 1))).isNotEqualTo(Checksum.of(feed));
    }

    @Test
    void threeHundredThousandRandomFeedsOfOneLengthCollideNever() {
        var random = new Random(42);
        var seen = new HashSet<String>();
        byte[] bytes = new byte[64];
        for (int i = 0; i < 300_000; i++) {
            random.nextBytes(bytes);
            assertThat(seen.add(Checksum.of(bytes))).isTrue();
        }
    }
}
