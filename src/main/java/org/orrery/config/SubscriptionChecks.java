package org.orrery.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orrery.model.Subscription;

/**
 * Checks every subscription's options (and a reading list's {@code allow_private_addresses}) when
 * the config is loaded: unusable values are errors naming file and line; filters Orrery lacks and
 * options it does not act on yet are warnings, one per kind however many sections share it.
 */
final class SubscriptionChecks {
    private SubscriptionChecks() {}

    /**
     * @param sections the section name of each of {@code config.subscriptions()}, in order
     * @param listSections the section name of each of {@code config.readingLists()}, in order
     */
    static List<String> check(IniFile ini, PlanetConfig config, List<String> sections, List<String> listSections)
            throws ConfigException {
        Map<String, String> unsupportedFilters = new LinkedHashMap<>();
        Map<String, Tally> notYet = new LinkedHashMap<>();
        for (String written : config.options().filters()) {
            unsupported(config.filterSpec(written), ini.origin("Planet", "filters"), unsupportedFilters);
        }
        for (int i = 0; i < sections.size(); i++) {
            String section = sections.get(i);
            Subscription subscription = config.subscriptions().get(i);
            try {
                config.subscriptionOptions(subscription);
                config.privateAddressesAllowed(subscription);
            } catch (OptionValues.BadValue e) {
                throw ConfigLoader.badValue(ini, section, e);
            }
            for (String written : OptionTable.FILTERS.read(subscription::option)) {
                ConfigLoader.checkFilter(ini, section, written);
                unsupported(config.filterSpec(written), ini.origin(section, "filters"), unsupportedFilters);
            }
            for (String key : ini.ownKeys(section)) {
                if (OptionTable.of(key)
                        .filter(o -> o.effect() == OptionTable.Effect.NOT_YET)
                        .isPresent()) {
                    notYet.computeIfAbsent(
                                    key, k -> new Tally(ini.origin(section, k).orElseThrow()))
                            .count++;
                }
            }
        }
        for (int i = 0; i < listSections.size(); i++) {
            try {
                config.privateAddressesAllowed(config.readingLists().get(i));
            } catch (OptionValues.BadValue e) {
                throw ConfigLoader.badValue(ini, listSections.get(i), e);
            }
        }
        List<String> warnings = new ArrayList<>(unsupportedFilters.values());
        notYet.forEach((key, tally) -> warnings.add(tally.first + ": " + key + " (in " + tally.count
                + " subscription" + (tally.count == 1 ? "" : "s") + ") is read but not acted on yet: "
                + OptionTable.of(key).orElseThrow().notYet()));
        return warnings;
    }

    private static void unsupported(
            FilterSpec spec, java.util.Optional<IniFile.Origin> origin, Map<String, String> warnings) {
        if (!spec.supported() && !warnings.containsKey(spec.name())) {
            warnings.put(
                    spec.name(),
                    origin.map(o -> o + ": ").orElse("") + "filter " + spec.name()
                            + " is not one Orrery provides; entries pass it unchanged (Orrery provides "
                            + String.join(
                                    ", ", FilterSpec.SUPPORTED.stream().sorted().toList()) + ")");
        }
    }

    private static final class Tally {
        final IniFile.Origin first;
        int count;

        Tally(IniFile.Origin first) {
            this.first = first;
        }
    }
}
