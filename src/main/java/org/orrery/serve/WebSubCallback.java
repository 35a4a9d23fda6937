package org.orrery.serve;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The WebSub callback URLs, {@code <websub_callback path>/<id>}: GET for a hub's verification of
 * intent, POST for its pushes. Other paths are left to the site.
 */
final class WebSubCallback extends Handler.Abstract {
    private final WebSubscriber subscriber;
    private final String prefix;

    WebSubCallback(WebSubscriber subscriber) {
        this.subscriber = subscriber;
        String path = subscriber.callbackPath();
        this.prefix = path.endsWith("/") ? path : path + "/";
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (!path.startsWith(prefix)) {
            return false;
        }
        String id = path.substring(prefix.length());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        switch (request.getMethod()) {
            case "GET" -> {
                Map<String, String> query = new HashMap<>();
                Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
                fields.forEach(f -> query.put(f.getName(), f.getValue()));
                Optional<String> challenge = subscriber.verify(id, query);
                if (challenge.isEmpty()) {
                    // No error page: Jetty's quotes the URL, and with it the challenge.
                    response.setStatus(HttpStatus.NOT_FOUND_404);
                    callback.succeeded();
                    return true;
                }
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
                response.write(true, ByteBuffer.wrap(challenge.get().getBytes(StandardCharsets.UTF_8)), callback);
            }
            case "POST" -> {
                byte[] body;
                try (InputStream in = Content.Source.asInputStream(request)) {
                    body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, subscriber.maxBodyBytes() + 1));
                }
                String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
                Optional<String> charset =
                        Optional.ofNullable(type == null ? null : MimeTypes.getCharsetFromContentType(type));
                var outcome = subscriber.push(
                        id, body, Optional.ofNullable(request.getHeaders().get("X-Hub-Signature")), charset);
                int status =
                        switch (outcome) {
                            case TAKEN -> HttpStatus.NO_CONTENT_204;
                            // §8: a bad signature is ignored but may be acknowledged, so that a
                            // forger learns nothing and a hub does not retry it.
                            case IGNORED -> HttpStatus.ACCEPTED_202;
                            // §7: 410 tells the hub the subscription is gone.
                            case UNKNOWN -> HttpStatus.GONE_410;
                            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE_413;
                            // Not 410: the subscription stands; the hub sends it again later.
                            case NOT_NOW -> HttpStatus.SERVICE_UNAVAILABLE_503;
                        };
                if (outcome == WebSubscriber.Push.NOT_NOW) {
                    response.getHeaders().put(HttpHeader.RETRY_AFTER, "60");
                }
                response.setStatus(status);
                callback.succeeded();
            }
            default -> {
                response.getHeaders().put(HttpHeader.ALLOW, "GET, POST");
                Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            }
        }
        return true;
    }
}
