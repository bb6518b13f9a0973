package org.oncofed.node.deid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where a de-identified copy may go: never into its source, never over other files. */
final class DeidTargets {

  private DeidTargets() {}

  /**
   * Fails with a message naming the path when SRC is missing, DST lies inside SRC or already holds
   * files, or the UID key would be written into the copy.
   */
  static void check(Path source, Path target, Path uidKey) throws IOException {
    if (!Files.exists(source)) {
      throw new IllegalArgumentException("SRC " + source + " does not exist");
    }
    Path sourceReal = source.toRealPath();
    Path targetPath = resolved(target);
    if (targetPath.startsWith(sourceReal)) {
      throw new IllegalArgumentException("DST " + target + " lies inside SRC " + source + "; choose a folder outside it");
    }
    if (Files.exists(target)) {
      if (!Files.isDirectory(target)) {
        throw new IllegalArgumentException("DST " + target + " is a file; give a folder");
      }
      try (Stream<Path> entries = Files.list(target)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException("DST " + target + " already holds files; give an empty or new folder");
        }
      }
    }
    if (uidKey != null && resolved(uidKey).startsWith(targetPath)) {
      throw new IllegalArgumentException("the UID key " + uidKey + " would be inside DST " + target
          + ", and anyone given the copy could link it to the originals; keep it outside");
    }
  }

  /** The real path of the nearest existing ancestor, with the rest of the path appended. */
  private static Path resolved(Path path) throws IOException {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing == null ? absolute : existing.toRealPath().resolve(existing.relativize(absolute));
  }
}
