package org.orrery.render;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.orrery.sanitize.Escape;
import org.orrery.sanitize.SafeUrls;

/**
 * {@code health.html}: every subscription's state for the planet's maintainers, from the report
 * {@code health.json} holds, in the default theme's style and the planet's language. Readers see
 * only a mark beside a subscription that needs attention, linking to its row here. Written by
 * hand rather than by a template: it is written on every run, also when nothing else is.
 */
public final class HealthPage {
    public static final String PATH = "health.html";

    /**
     * One subscription, as {@code health.json} describes it.
     *
     * @param name the name the site shows for it
     * @param state {@code gone}, {@code failing}, {@code duplicate}, {@code moved}, {@code quiet},
     *     {@code new} or {@code ok}
     * @param nextFetch when it is due next; empty when never (gone)
     */
    public record Row(
            String name,
            URI feedUri,
            String state,
            Optional<String> message,
            Optional<String> action,
            int failures,
            Optional<Instant> lastSuccess,
            Optional<Instant> nextFetch,
            Optional<String> warning) {
        public Row {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(feedUri, "feedUri");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(lastSuccess, "lastSuccess");
            Objects.requireNonNull(nextFetch, "nextFetch");
            Objects.requireNonNull(warning, "warning");
        }
    }

    /** The report: when it was made, a row per subscription (worst first), reading lists' problems. */
    public record Report(Instant generated, List<Row> rows, List<String> readingLists) {
        public Report {
            Objects.requireNonNull(generated, "generated");
            rows = List.copyOf(rows);
            readingLists = List.copyOf(readingLists);
        }
    }

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

    private HealthPage() {}

    /** The page's id of a subscription named {@code name}: what the sidebar's mark links to. */
    public static String anchor(String name) {
        String id = TemplateModel.cssId(name);
        return id.isEmpty() ? "feed" : id;
    }

    /** The page, in the planet's {@code encoding}. */
    public static byte[] render(Site site, Report report) {
        Map<String, String> words = Messages.of(site.newDateFormat().locale());
        OutputEncoding encoding = OutputEncoding.of(site.encoding());
        var html = new StringBuilder(4096 + 512 * report.rows().size());
        String title = words.get("health_title") + " — " + site.name();
        html.append("<!DOCTYPE html>\n<html lang=\"")
                .append(Messages.language(site.newDateFormat().locale()))
                .append("\">\n<head>\n<meta charset=\"")
                .append(encoding.label())
                .append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex\">\n<title>")
                .append(Escape.text(title))
                .append("</title>\n<link rel=\"stylesheet\" href=\"planet.css\">\n</head>\n<body>\n")
                .append("<header class=\"site\">\n<h1><a href=\"index.html\" dir=\"auto\">")
                .append(Escape.text(site.name()))
                .append("</a></h1>\n</header>\n<main class=\"health\">\n<h2>")
                .append(Escape.text(words.get("health_title")))
                .append("</h2>\n<p>")
                .append(Escape.text(words.get("health_intro"))
                        .replace("{date}", time(site, report.generated()))
                        .replace("{json}", "<a href=\"health.json\">health.json</a>"))
                .append("</p>\n");
        html.append("<table class=\"health\">\n<thead><tr>");
        for (String column : List.of(
                "health_subscription",
                "health_state",
                "health_problem",
                "health_failures",
                "health_last_success",
                "health_next_fetch")) {
            html.append("<th scope=\"col\">")
                    .append(Escape.text(words.get(column)))
                    .append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        Set<String> ids = new HashSet<>();
        for (Row row : report.rows()) {
            String id = anchor(row.name());
            for (int n = 2; !ids.add(id); n++) {
                id = anchor(row.name()) + "-" + n;
            }
            html.append("<tr id=\"")
                    .append(Escape.attribute(id))
                    .append("\" class=\"")
                    .append(Escape.attribute(row.state()))
                    .append("\">");
            html.append("<td data-label=\"")
                    .append(Escape.attribute(words.get("health_subscription")))
                    .append("\"><span dir=\"auto\">")
                    .append(Escape.text(row.name()))
                    .append("</span> ");
            String url = row.feedUri().toString();
            // A local file is named, not linked: readers of the page cannot open it.
            Optional<URI> link = SafeUrls.file(row.feedUri());
            html.append(
                            link.isPresent()
                                    ? "<a class=\"url\" href=\"" + Escape.attribute(url) + "\">"
                                    : "<span class=\"url\">")
                    .append(Escape.text(url))
                    .append(link.isPresent() ? "</a>" : "</span>")
                    .append("</td>");
            cell(
                    html,
                    words,
                    "health_state",
                    "<span class=\"state\">" + Escape.text(words.getOrDefault("state_" + row.state(), row.state()))
                            + "</span>");
            var problem = new StringBuilder();
            row.message().ifPresent(m -> problem.append(Escape.text(m)));
            row.action().ifPresent(a -> problem.append(problem.isEmpty() ? "" : "<br>")
                    .append(Escape.text(words.get("health_action")))
                    .append(": ")
                    .append(Escape.text(a)));
            row.warning().ifPresent(w -> problem.append(problem.isEmpty() ? "" : "<br>")
                    .append(Escape.text(w)));
            cell(html, words, "health_problem", problem.toString());
            cell(html, words, "health_failures", Integer.toString(row.failures()));
            cell(
                    html,
                    words,
                    "health_last_success",
                    row.lastSuccess().map(t -> time(site, t)).orElse(Escape.text(words.get("health_never"))));
            cell(
                    html,
                    words,
                    "health_next_fetch",
                    row.nextFetch()
                            .map(t -> t.isAfter(report.generated())
                                    ? time(site, t)
                                    : Escape.text(words.get("health_next_run")))
                            .orElse(Escape.text(words.get("health_never"))));
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (!report.readingLists().isEmpty()) {
            html.append("<h2>")
                    .append(Escape.text(words.get("health_reading_lists")))
                    .append("</h2>\n<ul>\n");
            for (String problem : report.readingLists()) {
                html.append("<li>").append(Escape.text(problem)).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("</main>\n</body>\n</html>\n");
        return encoding.encode(PATH, html.toString());
    }

    /** A cell, labelled with its column's name for the narrow layout, where each row is a card. */
    private static void cell(StringBuilder html, Map<String, String> words, String column, String content) {
        html.append("<td data-label=\"")
                .append(Escape.attribute(words.get(column)))
                .append("\">")
                .append(content)
                .append("</td>");
    }

    private static String time(Site site, Instant t) {
        var zoned = t.atZone(site.zone());
        return "<time datetime=\"" + ISO.format(zoned) + "\">"
                + Escape.text(site.dateFormat().format(zoned)) + "</time>";
    }
}
