package org.oncofed.node.dataset;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A dataset folder, and the only way OncoFed turns a relative path into a file: paths are
 * normalised, {@code ..} and absolute paths are refused, and the real path (symbolic links
 * resolved) must lie inside the root's real path. A symbolic link pointing outside is refused;
 * links to folders are not followed, so a link cycle cannot trap the scan.
 */
public final class DatasetRoot {

  /** A file found under the root, or why an entry was not taken. */
  public record Entry(String relativePath, Path file, String refusal) {}

  private final Path root;

  private DatasetRoot(Path realRoot) {
    this.root = realRoot;
  }

  public static DatasetRoot open(Path folder) throws IOException {
    Objects.requireNonNull(folder, "folder");
    if (!Files.isDirectory(folder)) {
      throw new IOException("dataset root " + folder + " is not a folder");
    }
    return new DatasetRoot(folder.toRealPath());
  }

  public Path path() {
    return root;
  }

  /** Resolves a stored relative path strictly inside the root. */
  public Path resolve(String relativePath) throws IOException {
    Path relative = checkedRelative(relativePath);
    Path candidate = root.resolve(relative);
    Path real = candidate.toRealPath();
    if (!real.startsWith(root)) {
      throw new IOException("'" + relativePath + "' leads outside the dataset root");
    }
    return real;
  }

  /**
   * Normalises a relative path and refuses anything that could leave the root by construction
   * (absolute paths, {@code ..} segments).
   */
  public static Path checkedRelative(String relativePath) throws IOException {
    Objects.requireNonNull(relativePath, "relativePath");
    Path relative = Path.of(relativePath.replace('\\', '/'));
    if (relative.isAbsolute() || relativePath.startsWith("/")) {
      throw new IOException("'" + relativePath + "' must be relative to the dataset root");
    }
    Path normalised = relative.normalize();
    if (normalised.toString().isEmpty() || normalised.startsWith("..")) {
      throw new IOException("'" + relativePath + "' leads outside the dataset root");
    }
    for (Path part : relative) {
      if (part.toString().equals("..")) {
        throw new IOException("'" + relativePath + "' must not contain '..'");
      }
    }
    return normalised;
  }

  /** Every file under the root in path order, with refusals for entries that may not be read. */
  public List<Entry> list() throws IOException {
    List<Entry> entries = new ArrayList<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        String relative = relativeName(file);
        if (attrs.isSymbolicLink()) {
          entries.add(followLink(relative, file));
        } else if (attrs.isRegularFile()) {
          entries.add(new Entry(relative, file, null));
        } else {
          entries.add(new Entry(relative, null, "not a regular file"));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        entries.add(new Entry(relativeName(file), null, "cannot be read: " + e.getClass().getSimpleName()));
        return FileVisitResult.CONTINUE;
      }
    });
    entries.sort(Comparator.comparing(Entry::relativePath));
    return entries;
  }

  /** The path of a file relative to the root, with forward slashes. */
  public String relativeName(Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  private Entry followLink(String relative, Path link) {
    try {
      Path target = link.toRealPath();
      if (!target.startsWith(root)) {
        return new Entry(relative, null, "symbolic link leads outside the dataset root");
      }
      if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        return new Entry(relative, null, "symbolic link to a folder is not followed");
      }
      return new Entry(relative, target, null);
    } catch (IOException e) {
      return new Entry(relative, null, "broken symbolic link");
    }
  }
}
