package org.orrery.render;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * Where one published page sits in the site, as paths from the output directory: what its
 * template links to besides the entries.
 *
 * @param path where the page is published, e.g. {@code page/2/index.html}
 * @param page its number among the numbered pages (1 for the front page); on a month's
 *     archive, its part of the month (1, 2, ...); 0 on the archive index
 * @param pages how many numbered pages there are
 * @param previous the page of newer entries, or null on the first
 * @param next the page of older entries, or null on the last
 * @param month the month an archive page shows, or null
 * @param months every month with entries, newest first
 */
public record Navigation(
        String path, int page, int pages, String previous, String next, YearMonth month, List<SitePages.Month> months) {
    /** A front page with nothing older: the site of a river that fits one page. */
    public static final Navigation FRONT = new Navigation("index.html", 1, 1, null, null, null, List.of());

    public Navigation {
        Objects.requireNonNull(path, "path");
        months = List.copyOf(months);
    }

    /** The way from this page back to the output directory: {@code ""}, {@code "../../"}, ... */
    public String root() {
        return "../".repeat((int) path.chars().filter(c -> c == '/').count());
    }
}
