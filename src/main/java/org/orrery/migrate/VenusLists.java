package org.orrery.migrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.orrery.config.ConfigException;
import org.orrery.config.ReadingList;
import org.orrery.config.ReadingListParser;
import org.orrery.config.SubscriptionSections;
import org.orrery.model.Subscription;

/**
 * The reading lists as Venus last read them: its {@code lists/} directory keeps, for each list, a
 * config file of the list's own section and a section per feed the list named (Venus's {@code
 * config.downloadReadingList}), named after the list's URL like its other cache files.
 */
public final class VenusLists {
    private VenusLists() {}

    /**
     * The subscriptions Venus's copies of {@code lists} name that {@code known} does not have (in
     * any spelling of their URL), each with its list's options beneath its own, as a list Orrery
     * read would give them; only {@code http} and {@code https} feeds, as from any list. A list
     * Venus kept no readable copy of gives none.
     *
     * @param cacheDirectory Venus's cache directory, whose {@code lists/} holds the copies
     */
    public static List<Subscription> subscriptions(
            Path cacheDirectory, List<ReadingList> lists, List<Subscription> known) {
        Set<String> seen = new HashSet<>();
        known.forEach(s -> seen.add(SubscriptionSections.sameFeedKey(s.feedUri())));
        List<Subscription> found = new ArrayList<>();
        for (ReadingList list : lists) {
            Path copy = cacheDirectory
                    .resolve("lists")
                    .resolve(VenusNames.of(list.uri().toString()));
            List<Subscription> listed;
            try {
                // Venus wrote the list's feeds as config sections, whatever the list's own format.
                var asConfig = new ReadingList(list.uri(), ReadingList.Type.CONFIG, list.options());
                listed = ReadingListParser.parse(asConfig, Files.readAllBytes(copy));
            } catch (IOException | ConfigException e) {
                continue; // no copy, or none Venus could have read either
            }
            String self = SubscriptionSections.sameFeedKey(list.uri());
            for (Subscription subscription : listed) {
                String key = SubscriptionSections.sameFeedKey(subscription.feedUri());
                String scheme =
                        String.valueOf(subscription.feedUri().getScheme()).toLowerCase(Locale.ROOT);
                if (!key.equals(self)
                        && (scheme.equals("http") || scheme.equals("https"))
                        && !subscription.options().containsKey("content_type")
                        && seen.add(key)) {
                    found.add(subscription);
                }
            }
        }
        return found;
    }
}
