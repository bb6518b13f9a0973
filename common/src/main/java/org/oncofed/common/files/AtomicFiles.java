package org.oncofed.common.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Replaces a file so that a reader, or a crash, sees either the old content or the whole new one:
 * the content goes into a temporary file beside the target (owner-only permissions), which is then
 * renamed over it. {@link #replaceDurably} also survives losing power: the content and the rename
 * reach the disk before it returns.
 */
public final class AtomicFiles {

  /** Writes the new content into the temporary file it is given. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path temporary) throws IOException;
  }

  private AtomicFiles() {}

  public static void replace(Path file, Content content) throws IOException {
    replace(file, content, false);
  }

  /** As {@link #replace}, and returns only once the new content and its name are on the disk (fsync). */
  public static void replaceDurably(Path file, Content content) throws IOException {
    replace(file, content, true);
  }

  private static void replace(Path file, Content content, boolean durably) throws IOException {
    Objects.requireNonNull(content, "content");
    Path folder = file.toAbsolutePath().getParent();
    Path temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
    try {
      content.writeTo(temporary);
      if (durably) {
        force(temporary);
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      if (durably) {
        // The rename is an entry of the folder: it is durable once the folder is synced.
        force(folder);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void force(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
