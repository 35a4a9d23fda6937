package org.orrery.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SitePagesTest {
    /** Dates, newest first: {@code posts[i]} posts on the i-th day back from 2017-09-20 (UTC noon). */
    private static List<Instant> days(int... posts) {
        var dates = new ArrayList<Instant>();
        Instant noon = Instant.parse("2017-09-20T12:00:00Z");
        for (int day = 0; day < posts.length; day++) {
            for (int i = 0; i < posts[day]; i++) {
                dates.add(noon.minusSeconds(86_400L * day + 60L * i));
            }
        }
        return dates;
    }

    private static List<String> spans(SitePages plan) {
        return plan.pages().stream()
                .map(p -> p.number() + ":" + p.from() + "-" + p.to())
                .toList();
    }

    @Test
    void withoutDaysPerPageEachPageHoldsItemsPerPageEntries() {
        SitePages plan = SitePages.plan(days(4, 3), ZoneOffset.UTC, 3, 0);
        assertThat(spans(plan)).containsExactly("1:0-3", "2:3-6", "3:6-7");
        assertThat(plan.pages())
                .extracting(SitePages.Page::path)
                .containsExactly("index.html", "page/2/index.html", "page/3/index.html");
    }

    @Test
    void daysPerPageKeepsDaysWholeAndStopsAtThatManyDays() {
        // 2 days a page, at most 10 entries: days of 2, 3 | 4, 1 | 5
        SitePages plan = SitePages.plan(days(2, 3, 4, 1, 5), ZoneOffset.UTC, 10, 2);
        assertThat(spans(plan)).containsExactly("1:0-5", "2:5-10", "3:10-15");
    }

    @Test
    void daysPerPageStopsBeforeADayThatWouldPassItemsPerPage() {
        // 7 days allowed, 5 entries: days of 2, 2 | 3, 1, 1 (2+2+3 > 5) | 1
        SitePages plan = SitePages.plan(days(2, 2, 3, 1, 1, 1), ZoneOffset.UTC, 5, 7);
        assertThat(spans(plan)).containsExactly("1:0-4", "2:4-9", "3:9-10");
    }

    @Test
    void aDayWithMoreThanItemsPerPageEntriesIsAPageOfItsOwn() {
        SitePages plan = SitePages.plan(days(1, 8, 1), ZoneOffset.UTC, 3, 5);
        assertThat(spans(plan)).containsExactly("1:0-1", "2:1-9", "3:9-10");
    }

    @Test
    void daysAreSplitInThePlanetsTimeZone() {
        // 23:30 UTC on the 19th is the 20th in Berlin: one day there, two in UTC.
        var dates = List.of(Instant.parse("2017-09-20T06:00:00Z"), Instant.parse("2017-09-19T23:30:00Z"));
        assertThat(spans(SitePages.plan(dates, ZoneOffset.UTC, 10, 1))).containsExactly("1:0-1", "2:1-2");
        assertThat(spans(SitePages.plan(dates, ZoneId.of("Europe/Berlin"), 10, 1)))
                .containsExactly("1:0-2");
    }

    @Test
    void itemsPerPageZeroPutsNoLimitOnEntries() {
        assertThat(spans(SitePages.plan(days(3, 3), ZoneOffset.UTC, 0, 0))).containsExactly("1:0-6");
        assertThat(spans(SitePages.plan(days(3, 3), ZoneOffset.UTC, 0, 1))).containsExactly("1:0-3", "2:3-6");
    }

    @Test
    void anEmptyRiverHasAnEmptyFrontPageAndNoMonths() {
        SitePages plan = SitePages.plan(List.of(), ZoneOffset.UTC, 60, 0);
        assertThat(spans(plan)).containsExactly("1:0-0");
        assertThat(plan.months()).isEmpty();
    }

    @Test
    void everyMonthHoldsAllItsEntries() {
        var dates = List.of(
                Instant.parse("2017-12-01T00:30:00Z"),
                Instant.parse("2017-11-30T23:30:00Z"),
                Instant.parse("2017-09-30T10:00:00Z"),
                Instant.parse("2017-09-01T10:00:00Z"));
        SitePages plan = SitePages.plan(dates, ZoneOffset.UTC, 1, 0);
        assertThat(plan.months())
                .extracting(m -> m.month() + " " + m.count() + " " + m.path())
                .containsExactly(
                        "2017-12 1 archive/2017/12/index.html",
                        "2017-11 1 archive/2017/11/index.html",
                        "2017-09 2 archive/2017/09/index.html");
        // In Berlin, 23:30 UTC on 30 November is already December.
        assertThat(SitePages.plan(dates, ZoneId.of("Europe/Berlin"), 1, 0).months())
                .extracting(SitePages.Month::month, SitePages.Month::count)
                .first()
                .isEqualTo(org.assertj.core.groups.Tuple.tuple(YearMonth.of(2017, 12), 2));
    }

    @Test
    void navigationLinksNeighboursRelativeToThePage() {
        SitePages plan = SitePages.plan(days(1, 1, 1), ZoneOffset.UTC, 1, 0);
        Navigation second = plan.navigation(plan.pages().get(1));
        assertThat(second.root()).isEqualTo("../../");
        assertThat(second.root() + second.previous()).isEqualTo("../../index.html");
        assertThat(second.root() + second.next()).isEqualTo("../../page/3/index.html");
        Navigation front = plan.navigation(plan.pages().getFirst());
        assertThat(front.previous()).isNull();
        assertThat(front.root()).isEmpty();
        Navigation month = plan.navigation(plan.months().getFirst());
        assertThat(month.root()).isEqualTo("../../../");
        assertThat(month.previous()).isNull();
        assertThat(month.next()).isNull();
        assertThat(plan.archiveIndex().root()).isEqualTo("../");
    }

    @Test
    void aLongMonthContinuesOnFurtherArchivePages() {
        int per = SitePages.HEADLINES_PER_ARCHIVE_PAGE;
        var dates = new java.util.ArrayList<Instant>();
        for (int i = 0; i < 2 * per + 5; i++) {
            dates.add(Instant.parse("2017-12-31T00:00:00Z").minusSeconds(i)); // December
        }
        dates.add(Instant.parse("2017-11-15T00:00:00Z")); // and one post in November
        SitePages plan = SitePages.plan(dates, ZoneOffset.UTC, 10, 0);

        assertThat(plan.months()).extracting(SitePages.Month::count).containsExactly(2 * per + 5, 1);
        int n = 2 * per + 5;
        assertThat(plan.archivePages())
                .as("parts counted from the month's oldest: the newest five are the month's own page")
                .extracting(a -> a.path() + " " + a.part() + "/" + a.parts() + " " + a.from() + "-" + a.to())
                .containsExactly(
                        "archive/2017/12/index.html 3/3 0-5",
                        "archive/2017/12/2/index.html 2/3 5-" + (per + 5),
                        "archive/2017/12/1/index.html 1/3 " + (per + 5) + "-" + n,
                        "archive/2017/11/index.html 1/1 " + n + "-" + (n + 1));
        Navigation second = plan.navigation(plan.archivePages().get(1));
        assertThat(second.page()).isEqualTo(2);
        assertThat(second.root()).isEqualTo("../../../../");
        assertThat(second.previous()).isEqualTo("archive/2017/12/index.html");
        assertThat(second.next()).isEqualTo("archive/2017/12/1/index.html");
        assertThat(plan.navigation(plan.archivePages().get(2)).next()).isEqualTo("archive/2017/11/index.html");
    }

    @Test
    void newPostsLeaveAMonthsFullArchivePagesAsTheyWere() {
        int per = SitePages.HEADLINES_PER_ARCHIVE_PAGE;
        var dates = new java.util.ArrayList<Instant>();
        for (int i = 0; i < 2 * per + 5; i++) {
            dates.add(Instant.parse("2017-12-31T00:00:00Z").minusSeconds(i));
        }
        SitePages before = SitePages.plan(dates, ZoneOffset.UTC, 10, 0);
        var more = new java.util.ArrayList<Instant>();
        for (int i = 1; i <= 7; i++) {
            more.add(Instant.parse("2017-12-31T00:00:00Z").plusSeconds(8 - i));
        }
        more.addAll(dates);
        SitePages after = SitePages.plan(more, ZoneOffset.UTC, 10, 0);

        // Each full part holds the same posts (counted from the end of the river) at the same address.
        for (int i = 1; i < 3; i++) {
            var was = before.archivePages().get(i);
            var is = after.archivePages().get(i);
            assertThat(is.path()).isEqualTo(was.path());
            assertThat(more.subList(is.from(), is.to())).isEqualTo(dates.subList(was.from(), was.to()));
        }
        assertThat(after.archivePages().getFirst().to()
                        - after.archivePages().getFirst().from())
                .isEqualTo(12);
    }

    @Test
    void maxPagesLeavesOlderPostsToTheArchives() {
        SitePages plan = SitePages.plan(days(3, 3, 3, 3), ZoneOffset.UTC, 2, 0, 3);
        assertThat(plan.pages())
                .extracting(SitePages.Page::path)
                .containsExactly("index.html", "page/2/index.html", "page/3/index.html");
        assertThat(plan.navigation(plan.pages().getLast()).next()).isNull();
        assertThat(plan.months().stream().mapToInt(SitePages.Month::count).sum())
                .as("every post is still archived")
                .isEqualTo(12);
        assertThat(SitePages.plan(days(3, 3, 3, 3), ZoneOffset.UTC, 2, 0, 0).pages())
                .hasSize(6);
    }
}
