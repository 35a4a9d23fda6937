package org.orrery.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;

/** EXSLT's date functions, rewritten into XPath 1.0, give what java.time says of the same dates. */
class ExsltDatesTest {
    private static String eval(String expression) throws Exception {
        String xpath = ExsltDates.rewrite(expression, Set.of("date"), "'2026-12-05T06:00:00+00:00'");
        var factory = XPathFactory.newDefaultInstance();
        // As the theme's stylesheets are compiled (XsltTemplate).
        factory.setProperty(XsltTemplate.GROUP_LIMIT, "200");
        factory.setProperty(XsltTemplate.OPERATOR_LIMIT, "2000");
        return factory.newXPath().evaluate(xpath, (Object) null);
    }

    @Test
    void everyFieldOfAThousandDatesAcrossFourCenturies() throws Exception {
        var random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            var t = LocalDateTime.of(1800 + random.nextInt(400), 1 + random.nextInt(12), 1, 0, 0)
                    .plusDays(random.nextInt(28))
                    .plusSeconds(random.nextInt(86_400));
            String d = "'" + t + (t.getSecond() == 0 ? ":00" : "") + "Z'";
            assertThat(eval("date:year(" + d + ")")).isEqualTo(Integer.toString(t.getYear()));
            assertThat(eval("date:month-in-year(" + d + ")")).isEqualTo(Integer.toString(t.getMonthValue()));
            assertThat(eval("date:month-name(" + d + ")"))
                    .isEqualTo(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            assertThat(eval("date:month-abbreviation(" + d + ")"))
                    .isEqualTo(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            assertThat(eval("date:day-in-month(" + d + ")")).isEqualTo(Integer.toString(t.getDayOfMonth()));
            assertThat(eval("date:day-name(" + d + ")"))
                    .as(d)
                    .isEqualTo(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            assertThat(eval("date:day-abbreviation(" + d + ")"))
                    .isEqualTo(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            assertThat(eval("date:day-in-week(" + d + ")"))
                    .isEqualTo(Integer.toString(t.getDayOfWeek().getValue() % 7 + 1));
            assertThat(eval("date:hour-in-day(" + d + ")")).isEqualTo(Integer.toString(t.getHour()));
            assertThat(eval("date:minute-in-hour(" + d + ")")).isEqualTo(Integer.toString(t.getMinute()));
            assertThat(eval("date:second-in-minute(" + d + ")")).isEqualTo(Integer.toString(t.getSecond()));
        }
    }

    @Test
    void nestedCallsQuotedTextAndNoArgument() throws Exception {
        assertThat(eval("concat('date:year(x) ', date:year(date:date('2017-09-19T22:00:00Z')))"))
                .isEqualTo("date:year(x) 2017");
        assertThat(eval("date:date-time()")).isEqualTo("2026-12-05T06:00:00+00:00");
        assertThat(eval("date:year()")).isEqualTo("2026");
        assertThat(ExsltDates.rewriteTemplate("{{literal}} {date:year('2017-01-01')}", Set.of("date"), "''"))
                .startsWith("{{literal}} {(number(substring(string('2017-01-01'), 1, 4)))}");
    }
}
