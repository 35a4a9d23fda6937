package org.orrery.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteNativeTest {
    @TempDir
    Path dir;

    @Test
    void copiesTheJarsLibraryOnceAndKeepsIt() throws Exception {
        Path library = SqliteNative.copyIn(dir).orElseThrow();

        assertThat(library.getParent().getFileName().toString())
                .startsWith("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-");
        assertThat(library.getParent().getParent()).isEqualTo(dir);
        // The very bytes sqlite-jdbc would have extracted for this platform.
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(
                LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName())) {
            assertThat(in).isNotNull();
            assertThat(Files.readAllBytes(library)).isEqualTo(in.readAllBytes());
        }
        try (var files = Files.list(library.getParent())) {
            assertThat(files).containsExactly(library);
        }

        FileTime written = FileTime.fromMillis(0);
        Files.setLastModifiedTime(library, written);
        assertThat(SqliteNative.copyIn(dir)).contains(library);
        assertThat(Files.getLastModifiedTime(library)).isEqualTo(written);
    }

    @Test
    void aDirectoryThatCannotBeMadeLeavesTheChoiceToSqliteJdbc() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");

        assertThat(SqliteNative.copyIn(file)).isEmpty();
    }
}
