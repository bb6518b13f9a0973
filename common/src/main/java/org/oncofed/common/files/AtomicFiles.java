package org.oncofed.common.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * Replaces a file so that a reader, or a crash, sees either the old content or the whole new one:
 * the content goes into a temporary file beside the target (owner-only permissions), which is then
 * renamed over it.
 */
public final class AtomicFiles {

  /** Writes the new content into the temporary file it is given. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path temporary) throws IOException;
  }

  private AtomicFiles() {}

  public static void replace(Path file, Content content) throws IOException {
    Objects.requireNonNull(content, "content");
    Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
    try {
      content.writeTo(temporary);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
