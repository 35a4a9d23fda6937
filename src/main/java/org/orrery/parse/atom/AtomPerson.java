package org.orrery.parse.atom;

import java.util.Optional;

/** An Atom person construct (RFC 4287 §3.2): name, e-mail and web address as read. */
record AtomPerson(Optional<String> name, Optional<String> email, Optional<String> uri) {
    /** The name, else the e-mail. */
    Optional<String> display() {
        return name.or(() -> email);
    }
}
