package org.oncofed.common.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir
  Path dir;

  @Test
  void replacesTheFileAndLeavesNoTemporaryBehind() throws Exception {
    Path file = Files.writeString(dir.resolve("port"), "old");

    AtomicFiles.replace(file, temporary -> Files.writeString(temporary, "new"));

    assertThat(file).hasContent("new");
    try (var entries = Files.list(dir)) {
      assertThat(entries).containsExactly(file);
    }
  }

  @Test
  void failedWriteKeepsTheOldContentAndLeavesNoTemporaryBehind() throws Exception {
    Path file = Files.writeString(dir.resolve("index.json"), "old");

    assertThatThrownBy(() -> AtomicFiles.replace(file, temporary -> {
      Files.writeString(temporary, "half");
      throw new IOException("disk full");
    })).hasMessage("disk full");

    assertThat(file).hasContent("old");
    try (var entries = Files.list(dir)) {
      assertThat(entries).containsExactly(file);
    }
  }
}
