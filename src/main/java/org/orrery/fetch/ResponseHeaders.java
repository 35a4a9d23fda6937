package org.orrery.fetch;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpResponse;
import org.orrery.model.Validators;

/**
 * Reads what a fetch keeps of a response's headers: its validators and charset, and the
 * scheduling hints Cache-Control max-age (or Expires) and Retry-After.
 */
final class ResponseHeaders {
    private ResponseHeaders() {}

    /**
     * The ETag and Last-Modified to send next time, as the server spelled them. A Last-Modified
     * in the same second as the response's Date is not kept (RFC 9110 §8.8.2.2 calls it weak):
     * the feed may change again within that second, and an If-Modified-Since of it would then
     * be answered 304 until the feed next changed, its new entries unseen. The next request goes
     * without it, and the same bytes cost no parse.
     */
    static Validators validators(HttpResponse response) {
        Optional<String> lastModified = header(response, HttpHeaders.LAST_MODIFIED)
                .filter(value -> {
                    Header date = response.getFirstHeader("Date");
                    if (date == null) {
                        return true;
                    }
                    if (value.equals(date.getValue())) {
                        return false;
                    }
                    Instant modified = httpDate(value);
                    Instant sent = httpDate(date.getValue());
                    return modified == null || sent == null || modified.isBefore(sent);
                });
        return new Validators(header(response, HttpHeaders.ETAG), lastModified);
    }

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    private static final String DAYS = "MonTueWedThuFriSatSun";

    /**
     * An HTTP-date (RFC 9110 §5.6.7), or null when it is none. The preferred form ({@code Sun, 06
     * Nov 1994 08:49:37 GMT}), which nearly every server sends, is read by position; the obsolete
     * forms go to HttpClient's parser, which tries pattern after pattern (at 10,000 feeds answering
     * 304 that was a tenth of a run).
     */
    static Instant httpDate(String value) {
        if (value.length() == 29
                && value.charAt(3) == ','
                && value.charAt(4) == ' '
                && value.charAt(7) == ' '
                && value.charAt(11) == ' '
                && value.charAt(16) == ' '
                && value.charAt(19) == ':'
                && value.charAt(22) == ':'
                && value.endsWith(" GMT")) {
            int month = MONTHS.indexOf(value.substring(8, 11));
            int day = digits(value, 5, 7);
            int year = digits(value, 12, 16);
            int hour = digits(value, 17, 19);
            int minute = digits(value, 20, 22);
            int second = digits(value, 23, 25);
            if (month >= 0
                    && month % 3 == 0
                    && day >= 1
                    && year >= 0
                    && hour >= 0
                    && hour < 24
                    && minute >= 0
                    && minute < 60
                    && second >= 0
                    && second < 61) {
                try {
                    var at = LocalDateTime.of(year, month / 3 + 1, day, hour, minute, Math.min(second, 59));
                    // HttpClient refuses a date whose weekday is wrong; so does this.
                    if (DAYS.indexOf(value.substring(0, 3))
                            == 3 * (at.getDayOfWeek().getValue() - 1)) {
                        return at.toInstant(ZoneOffset.UTC);
                    }
                    return null;
                } catch (DateTimeException e) {
                    // A day past the month's end: HttpClient's parser settles it its own way.
                    return DateUtils.parseStandardDate(value);
                }
            }
        }
        return DateUtils.parseStandardDate(value);
    }

    /** The decimal number in {@code value[from, to)}, or -1 when a character is no digit. */
    private static int digits(String value, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** The {@code charset} parameter of the body's Content-Type; empty when absent or blank. */
    static Optional<String> charset(HttpEntity entity) {
        return Optional.ofNullable(entity.getContentType())
                .map(ContentType::parseLenient)
                .map(type -> type.getParameter("charset"))
                .map(String::strip)
                .filter(name -> !name.isEmpty());
    }

    /**
     * The freshness lifetime the server gave (RFC 9111 §4.2.1): Cache-Control max-age (§5.2.2.1),
     * else Expires measured from the response's Date (§5.3; an Expires that is no date, such as
     * {@code 0}, or in the past is a lifetime of zero; without a Date it is not used); empty when
     * neither is there or when no-store / no-cache forbid reuse.
     */
    static Optional<Duration> maxAge(HttpResponse response) {
        Optional<Duration> maxAge = Optional.empty();
        boolean cacheControl = false;
        for (Header header : response.getHeaders("Cache-Control")) {
            for (String directive : header.getValue().split(",")) {
                String d = directive.strip().toLowerCase(Locale.ROOT);
                if (d.equals("no-store") || d.equals("no-cache")) {
                    return Optional.empty();
                }
                if (d.startsWith("max-age=")) {
                    maxAge = seconds(d.substring("max-age=".length()).replace("\"", ""));
                    cacheControl = true;
                }
            }
        }
        return cacheControl ? maxAge : expires(response);
    }

    /** Expires minus Date, never negative; empty without both headers. */
    private static Optional<Duration> expires(HttpResponse response) {
        Header expires = response.getFirstHeader("Expires");
        Header date = response.getFirstHeader("Date");
        Instant sent = date == null ? null : httpDate(date.getValue());
        if (expires == null || sent == null) {
            return Optional.empty();
        }
        Instant at = httpDate(expires.getValue().strip());
        if (at == null || !at.isAfter(sent)) {
            return Optional.of(Duration.ZERO);
        }
        return Optional.of(Duration.between(sent, at));
    }

    /**
     * RFC 9110 §10.2.3 Retry-After, as seconds or an HTTP-date. A date is measured from the
     * response's own Date header when it has one, so a server whose clock is off still gets
     * the delay it meant; otherwise from {@code now}. Past dates mean no wait.
     */
    static Optional<Duration> retryAfter(HttpResponse response, Instant now) {
        Header header = response.getFirstHeader("Retry-After");
        if (header == null) {
            return Optional.empty();
        }
        String value = header.getValue().strip();
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            return seconds(value);
        }
        Instant at = httpDate(value);
        if (at == null) {
            return Optional.empty();
        }
        Header date = response.getFirstHeader("Date");
        Instant sent = date == null ? null : httpDate(date.getValue());
        Duration wait = Duration.between(sent == null ? now : sent, at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }

    private static Optional<Duration> seconds(String digits) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(digits.strip())));
        } catch (NumberFormatException e) {
            // Too large or not a number: the header is unusable, so it is ignored.
            return Optional.empty();
        }
    }

    private static Optional<String> header(HttpResponse response, String name) {
        return Optional.ofNullable(response.getFirstHeader(name)).map(Header::getValue);
    }
}
