package org.orrery.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebSubSignatureTest {
    private static final String SECRET = "s3cret";
    private static final String BODY = "<feed/>";

    @Test
    void acceptsEachMethodWebSubNames() throws Exception {
        assertThat(valid(TestHub.signature("sha1", "HmacSHA1", SECRET, BODY))).isTrue();
        assertThat(valid(TestHub.signature("sha256", "HmacSHA256", SECRET, BODY)))
                .isTrue();
        assertThat(valid(TestHub.signature("sha384", "HmacSHA384", SECRET, BODY)))
                .isTrue();
        assertThat(valid(TestHub.signature("sha512", "HmacSHA512", SECRET, BODY)))
                .isTrue();
        assertThat(valid(TestHub.signature("SHA256", "HmacSHA256", SECRET, BODY).toUpperCase()))
                .isTrue();
    }

    @Test
    void refusesAnotherKeyAnotherBodyAnUnknownMethodOrNoHex() throws Exception {
        assertThat(valid(TestHub.signature("sha256", "HmacSHA256", "other", BODY)))
                .isFalse();
        assertThat(valid(TestHub.signature("sha256", "HmacSHA256", SECRET, BODY + " ")))
                .isFalse();
        assertThat(valid(TestHub.signature("sha1", "HmacSHA256", SECRET, BODY))).isFalse();
        assertThat(valid(TestHub.signature("md5", "HmacMD5", SECRET, BODY))).isFalse();
        assertThat(valid("sha256=zz")).isFalse();
        assertThat(valid("sha256")).isFalse();
        assertThat(valid("")).isFalse();
    }

    private static boolean valid(String header) {
        return WebSubSignature.valid(header, SECRET, BODY.getBytes(StandardCharsets.UTF_8));
    }
}
