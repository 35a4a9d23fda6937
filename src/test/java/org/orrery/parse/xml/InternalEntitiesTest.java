package org.orrery.parse.xml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InternalEntitiesTest {
    @Test
    void expandsPlainTextEntitiesWithTheirCharacterReferencesReplaced() {
        InternalEntities entities = new InternalEntities("<!ENTITY id 'tag:example.com,'> <!ENTITY at \"A&#x26;T\">");
        assertThat(entities.expand("id")).contains("tag:example.com,");
        assertThat(entities.expand("at")).contains("A&T");
    }

    @Test
    void leavesExternalNestedAndParameterEntitiesUndeclared() {
        InternalEntities entities = new InternalEntities(
                "<!ENTITY file SYSTEM 'file:///etc/passwd'> <!ENTITY lol1 '&lol;&lol;'> <!ENTITY % p 'x'>");
        assertThat(entities.expand("file")).isEmpty();
        assertThat(entities.expand("lol1")).isEmpty();
        assertThat(entities.expand("p")).isEmpty();
    }

    @Test
    void stopsExpandingPastTheBoundForTheWholeDocument() {
        String value = "x".repeat(1000);
        InternalEntities entities = new InternalEntities("<!ENTITY big '" + value + "'>");
        int expansions = 0;
        while (entities.expand("big").isPresent()) {
            expansions++;
        }
        assertThat(expansions).isEqualTo(InternalEntities.MAX_EXPANDED_CHARS / value.length());
    }
}
