package org.orrery.store;

/**
 * What saving one refresh changed.
 *
 * @param added entries seen for the first time
 * @param updated entries already stored whose content, title, link, author or dates changed
 */
public record SaveResult(int added, int updated) {
    public static final SaveResult NOTHING = new SaveResult(0, 0);

    public SaveResult plus(SaveResult other) {
        return new SaveResult(added + other.added, updated + other.updated);
    }
}
