package org.orrery.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.orrery.model.Entry;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The entries of a Planet Venus cache directory (one Atom entry per file, its feed named by its
 * {@code source/id}), read so store tests can put Venus's own test data into a store.
 */
final class VenusCache {
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private VenusCache() {}

    /** A test resource directory. */
    static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(VenusCache.class.getResource(name), name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The entries of the Atom entry files in {@code dir} (other files are passed over), by their
     * source feed's id, in file name order; entries without a source id are left out (an Orrery
     * store holds an entry only with its feed). Each entry is dated by its {@code updated}.
     */
    static Map<URI, List<Entry>> entriesBySource(Path dir) throws Exception {
        Map<URI, List<Entry>> bySource = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Element entry = parse(file);
                if (entry == null || !entry.getLocalName().equals("entry")) {
                    continue;
                }
                Optional<String> source = child(entry, "source").flatMap(s -> text(s, "id"));
                if (source.isEmpty()) {
                    continue;
                }
                bySource.computeIfAbsent(URI.create(source.get()), k -> new java.util.ArrayList<>())
                        .add(new Entry(
                                text(entry, "id").orElseThrow(),
                                text(entry, "title").orElse(""),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                text(entry, "updated").map(Instant::parse),
                                text(entry, "content").orElse(""),
                                Optional.empty(),
                                List.of(),
                                List.of()));
            }
        }
        return bySource;
    }

    /** The feed id of each feed file in {@code dir} that has one, by file name. */
    static Map<String, URI> feedIds(Path dir) throws Exception {
        Map<String, URI> ids = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Element feed = parse(file);
                if (feed != null && feed.getLocalName().equals("feed")) {
                    text(feed, "id").ifPresent(id -> ids.put(file.getFileName().toString(), URI.create(id)));
                }
            }
        }
        return ids;
    }

    private static Element parse(Path file) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        if (file.getFileName().toString().endsWith(".ini")) {
            return null; // the config beside the data
        }
        try (InputStream in = Files.newInputStream(file)) {
            return factory.newDocumentBuilder().parse(in).getDocumentElement();
        } catch (org.xml.sax.SAXException | IOException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Element> child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().strip());
    }
}
