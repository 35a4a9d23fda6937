package org.orrery.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoTest {
    @Test
    void aKeysValueIsWorkedOutOnceUntilTheMemoryIsFull() {
        List<String> worked = new ArrayList<>();
        var memo = new Memo<String, String>(2, key -> {
            worked.add(key);
            return key.toUpperCase();
        });

        assertThat(memo.get("a")).isEqualTo("A");
        assertThat(memo.get("a")).isEqualTo("A");
        assertThat(memo.get("b")).isEqualTo("B");
        assertThat(worked).containsExactly("a", "b");

        assertThat(memo.get("c")).as("a third key starts the memory over").isEqualTo("C");
        assertThat(memo.get("c")).isEqualTo("C");
        assertThat(memo.get("a")).isEqualTo("A");
        assertThat(worked).containsExactly("a", "b", "c", "a");
    }
}
