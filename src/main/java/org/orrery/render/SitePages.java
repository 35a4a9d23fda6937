package org.orrery.render;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a river's posts are cut into pages: the front page ({@code index.html}), older entries on
 * numbered pages ({@code page/2/index.html}, ...) and every month on its own archive page
 * ({@code archive/2017/09/index.html}) listed by {@code archive/index.html}. Pure: it sees only
 * the posts' dates, newest first, and cuts them by position.
 *
 * <p>With {@code days_per_page} = 0, each page holds {@code items_per_page} posts (the last
 * page fewer); a day may run on over two pages. With {@code days_per_page} = n &gt; 0, a page
 * holds complete days (calendar days in the planet's time zone): days are added to a page,
 * newest first, while it has fewer than n days and the day's posts still fit within {@code
 * items_per_page}; a page's first day is always added, so a day with more posts than {@code
 * items_per_page} fills a page of its own and is never split. {@code items_per_page} = 0 puts
 * no limit on the posts of a page (with {@code days_per_page} = 0, everything is on one page).
 *
 * <p>A month's archive lists headlines, at most {@link #HEADLINES_PER_ARCHIVE_PAGE} to a page:
 * a month of a planet of thousands of feeds is continued on further pages, so that no page is
 * too long to read or to hold in memory. They are counted from the month's oldest headline
 * ({@code archive/2017/09/1/index.html} its first thousand, and so on) and the month's own page
 * shows its newest, so that new posts change one page of a month, not every one.
 */
public final class SitePages {
    /** A numbered page: the posts at positions {@code from} (included) to {@code to} (excluded). */
    public record Page(int number, int from, int to) {
        /** Where the page is published: {@code index.html} for page 1, else {@code page/<n>/index.html}. */
        public String path() {
            return number == 1 ? "index.html" : "page/" + number + "/index.html";
        }
    }

    /** A month's archive page: the posts at positions {@code from} to {@code to} (excluded). */
    public record Month(YearMonth month, int from, int to) {
        public String path() {
            return "archive/%04d/%02d/index.html".formatted(month.getYear(), month.getMonthValue());
        }

        public int count() {
            return to - from;
        }
    }

    /**
     * One page of a month's archive: part {@code part} of {@code parts}, the posts at positions
     * {@code from} to {@code to} (excluded). Parts are counted from the month's oldest post, so
     * that a part, once full, keeps its posts and its address as newer posts arrive: only the
     * newest part, the month's own page, changes with them.
     */
    public record ArchivePage(Month month, int part, int parts, int from, int to) {
        /**
         * {@code archive/2017/09/index.html} for the newest part, {@code archive/2017/09/N/index.html}
         * for the others ({@code 1} the oldest).
         */
        public String path() {
            return part == parts ? month.path() : month.path().replace("index.html", part + "/index.html");
        }
    }

    /** The most headlines on one archive page. */
    public static final int HEADLINES_PER_ARCHIVE_PAGE = 1000;

    static final String ARCHIVE_INDEX = "archive/index.html";

    private final List<Page> pages;
    private final List<Month> months;
    private final List<ArchivePage> archivePages;

    private SitePages(List<Page> pages, List<Month> months) {
        this.pages = List.copyOf(pages);
        this.months = List.copyOf(months);
        var parts = new ArrayList<ArchivePage>();
        for (Month month : months) {
            // Newest first: the newest part holds what the full ones below it leave, 1 to 1,000.
            int count = (month.count() + HEADLINES_PER_ARCHIVE_PAGE - 1) / HEADLINES_PER_ARCHIVE_PAGE;
            for (int part = count; part >= 1; part--) {
                int to = month.to() - (part - 1) * HEADLINES_PER_ARCHIVE_PAGE;
                parts.add(new ArchivePage(
                        month, part, count, Math.max(month.from(), to - HEADLINES_PER_ARCHIVE_PAGE), to));
            }
        }
        this.archivePages = List.copyOf(parts);
    }

    /**
     * Plans the pages of a river.
     *
     * @param dates the river's dates, newest first
     * @param zone the zone days and months are split in
     */
    public static SitePages plan(List<Instant> dates, ZoneId zone, int itemsPerPage, int daysPerPage) {
        return plan(dates, zone, itemsPerPage, daysPerPage, 0);
    }

    /**
     * Plans the pages of a river, publishing at most {@code maxPages} numbered pages (0: no
     * limit); older posts are then in the monthly archives only.
     *
     * @param dates the river's dates, newest first
     * @param zone the zone days and months are split in
     */
    public static SitePages plan(List<Instant> dates, ZoneId zone, int itemsPerPage, int daysPerPage, int maxPages) {
        Objects.requireNonNull(zone, "zone");
        if (itemsPerPage < 0 || daysPerPage < 0) {
            throw new IllegalArgumentException("items_per_page and days_per_page must not be negative");
        }
        int maxPosts = itemsPerPage == 0 ? Integer.MAX_VALUE : itemsPerPage;
        var pages = new ArrayList<Page>();
        if (daysPerPage == 0) {
            for (int from = 0; from < dates.size(); from += Math.min(maxPosts, dates.size() - from)) {
                pages.add(new Page(pages.size() + 1, from, from + Math.min(maxPosts, dates.size() - from)));
            }
        } else {
            List<int[]> days = runs(dates, t -> LocalDate.ofInstant(t, zone));
            int from = 0;
            int dayCount = 0;
            for (int[] day : days) {
                int end = day[1];
                boolean fits = dayCount < daysPerPage && end - from <= maxPosts;
                if (dayCount > 0 && !fits) {
                    pages.add(new Page(pages.size() + 1, from, day[0]));
                    from = day[0];
                    dayCount = 0;
                }
                dayCount++;
            }
            if (from < dates.size()) {
                pages.add(new Page(pages.size() + 1, from, dates.size()));
            }
        }
        if (pages.isEmpty()) {
            pages.add(new Page(1, 0, 0));
        }
        if (maxPages > 0 && pages.size() > maxPages) {
            pages.subList(maxPages, pages.size()).clear();
        }
        var months = new ArrayList<Month>();
        for (int[] run : runs(dates, t -> YearMonth.from(t.atZone(zone)))) {
            months.add(new Month(YearMonth.from(dates.get(run[0]).atZone(zone)), run[0], run[1]));
        }
        return new SitePages(pages, months);
    }

    /** Runs of consecutive dates with the same key, as {from, to} positions. */
    private static List<int[]> runs(List<Instant> dates, java.util.function.Function<Instant, Object> key) {
        var runs = new ArrayList<int[]>();
        int from = 0;
        for (int i = 1; i <= dates.size(); i++) {
            if (i == dates.size() || !key.apply(dates.get(i)).equals(key.apply(dates.get(from)))) {
                runs.add(new int[] {from, i});
                from = i;
            }
        }
        return runs;
    }

    /** The numbered pages, the front page first; never empty. */
    public List<Page> pages() {
        return pages;
    }

    /** The months that have posts, newest first. */
    public List<Month> months() {
        return months;
    }

    /** Where a numbered page sits among the others. */
    public Navigation navigation(Page page) {
        int i = page.number() - 1;
        return new Navigation(
                page.path(),
                page.number(),
                pages.size(),
                i > 0 ? pages.get(i - 1).path() : null,
                i + 1 < pages.size() ? pages.get(i + 1).path() : null,
                null,
                months);
    }

    /** Every month's archive pages, newest first. */
    public List<ArchivePage> archivePages() {
        return archivePages;
    }

    /**
     * Where an archive page sits among the others: previous is the newer one (the month's newer
     * part, else the newer month's oldest part). Its page number is its part, 1 the oldest.
     */
    public Navigation navigation(ArchivePage page) {
        int i = archivePages.indexOf(page);
        return new Navigation(
                page.path(),
                page.part(),
                pages.size(),
                i > 0 ? archivePages.get(i - 1).path() : null,
                i + 1 < archivePages.size() ? archivePages.get(i + 1).path() : null,
                page.month().month(),
                months);
    }

    /** Where a month's archive sits among the others: previous is the newer month. */
    public Navigation navigation(Month month) {
        int i = months.indexOf(month);
        return new Navigation(
                month.path(),
                0,
                pages.size(),
                i > 0 ? months.get(i - 1).path() : null,
                i + 1 < months.size() ? months.get(i + 1).path() : null,
                month.month(),
                months);
    }

    /** The archive index, listing every month. */
    public Navigation archiveIndex() {
        return new Navigation(ARCHIVE_INDEX, 0, pages.size(), null, null, null, months);
    }
}
