package org.orrery.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.orrery.config.OptionTable.Effect;
import org.orrery.config.OptionTable.Option;
import org.orrery.config.OptionTable.Scope;

/** The option table and the option tables of docs/configuration.md say the same. */
class OptionTableTest {
    private static final Path DOC = Path.of("docs/configuration.md");
    private static final Set<String> PLANET_TABLES =
            Set.of("Options Orrery acts on", "Planet-wide options Orrery reads");
    private static final String SUBSCRIPTION_TABLE = "Per-subscription options";
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");

    /** One row of a documented option table. */
    private record Row(String heading, List<String> names, String defaultCell, String meaning) {
        boolean planetWide() {
            return PLANET_TABLES.contains(heading);
        }
    }

    @Test
    void everyPlanetWideOptionIsDocumentedInThePlanetTablesAndOnlyThose() throws IOException {
        assertThat(documented(rows().stream().filter(Row::planetWide).toList()))
                .containsExactlyInAnyOrderElementsOf(declared(Scope.PLANET, Scope.BOTH));
    }

    @Test
    void everySubscriptionOptionIsDocumentedInTheSubscriptionTableAndOnlyThose() throws IOException {
        assertThat(documented(rows().stream()
                        .filter(r -> r.heading().equals(SUBSCRIPTION_TABLE))
                        .toList()))
                .containsExactlyInAnyOrderElementsOf(declared(Scope.SUBSCRIPTION, Scope.BOTH));
    }

    @Test
    void documentedDefaultsAreTheDeclaredOnes() throws IOException {
        List<String> disagreements = new ArrayList<>();
        for (Row row : rows()) {
            List<String> defaults = List.of(row.defaultCell().split(", "));
            if (defaults.size() != row.names().size()) {
                continue;
            }
            for (int i = 0; i < defaults.size(); i++) {
                Option<?> option = OptionTable.all().get(row.names().get(i));
                if (option == null || (!row.planetWide() && option.scope() != Scope.SUBSCRIPTION)) {
                    // Unknown names fail above; a per-feed row of a planet option says "[Planet]'s".
                    continue;
                }
                Matcher code = CODE.matcher(defaults.get(i));
                String documented = code.find() ? code.group(1) : "";
                if (!documented.equals(option.defaultWritten())) {
                    disagreements.add(option.name() + ": documented \"" + documented + "\", declared \""
                            + option.defaultWritten() + "\"");
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void optionsDocumentedAsNotActedOnYetAreTheDeclaredOnes() throws IOException {
        Map<String, Boolean> documented = new LinkedHashMap<>();
        for (Row row : rows()) {
            row.names()
                    .forEach(n -> documented.merge(n, row.meaning().contains("not acted on yet"), Boolean::logicalOr));
        }
        assertThat(documented.entrySet().stream()
                        .filter(e -> e.getValue()
                                != OptionTable.of(e.getKey())
                                        .map(o -> o.effect() == Effect.NOT_YET)
                                        .orElse(false))
                        .map(Map.Entry::getKey))
                .as("documented as not acted on yet, or not so, unlike their declarations")
                .isEmpty();
    }

    @Test
    void theOptionsOrreryActsOnAreDeclaredSo() throws IOException {
        assertThat(rows().stream()
                        .filter(r -> r.heading().equals("Options Orrery acts on"))
                        .flatMap(r -> r.names().stream())
                        .filter(n -> OptionTable.of(n)
                                .map(o -> o.effect() != Effect.ACTED_ON)
                                .orElse(true)))
                .isEmpty();
    }

    @Test
    void optionsNotActedOnYetArePerSubscriptionWhereCheckWarnsOfThem() {
        // SubscriptionChecks warns of those set in a subscription's section; none is [Planet]'s alone.
        assertThat(OptionTable.all().values().stream()
                        .filter(o -> o.effect() == Effect.NOT_YET)
                        .filter(o -> o.scope() == Scope.PLANET)
                        .map(Option::name))
                .isEmpty();
    }

    @Test
    void everyDefaultIsAValueTheOptionAccepts() {
        // A default that its own reader refused would fail every config that leaves it unset.
        OptionTable.all().values().forEach(Option::defaultValue);
    }

    private static List<String> declared(Scope... scopes) {
        return OptionTable.all().values().stream()
                .filter(o -> List.of(scopes).contains(o.scope()))
                .map(Option::name)
                .toList();
    }

    private static List<String> documented(List<Row> rows) {
        return rows.stream().flatMap(r -> r.names().stream()).distinct().toList();
    }

    /** The rows of the option tables: those under the headings above. */
    private static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        String heading = "";
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith("#")) {
                heading = line.replaceFirst("^#+\\s*", "").strip();
                continue;
            }
            boolean optionTable = PLANET_TABLES.contains(heading) || heading.equals(SUBSCRIPTION_TABLE);
            if (!optionTable || !line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
            assertThat(cells).as(line).hasSize(3);
            // "`content_type` = `opml`, ...": the option is what comes before " = ".
            String namesCell = cells[0].split(" = ")[0];
            List<String> names = new ArrayList<>();
            Matcher m = CODE.matcher(namesCell);
            while (m.find()) {
                names.add(m.group(1));
            }
            rows.add(new Row(heading, names, cells[1].strip(), cells[2].strip()));
        }
        assertThat(rows).isNotEmpty();
        return rows;
    }
}
