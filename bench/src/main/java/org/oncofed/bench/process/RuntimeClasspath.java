package org.oncofed.bench.process;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * This JVM's class path, with the {@code Class-Path} entries of jar manifests expanded (a runnable
 * jar, or the launcher jar of a test run), so that child JVMs can be given the same classes minus
 * a module. The coordinator and the node are Micronaut applications whose beans are discovered on
 * the class path: each must run without the other's classes, as it does in production. Since the
 * JVM follows a jar's {@code Class-Path} by itself, jars that carry one are handed to children as
 * copies without their manifest ({@link #withoutManifests}).
 */
public final class RuntimeClasspath {

  private final List<Path> entries;

  private RuntimeClasspath(List<Path> entries) {
    this.entries = List.copyOf(entries);
  }

  public static RuntimeClasspath current() {
    Set<Path> entries = new LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        add(Path.of(entry).toAbsolutePath().normalize(), entries);
      }
    }
    return new RuntimeClasspath(new ArrayList<>(entries));
  }

  /** The entries without those holding any of {@code modules}' classes (a jar or a classes folder). */
  public RuntimeClasspath without(Class<?>... modules) {
    Set<Path> excluded = new LinkedHashSet<>();
    for (Class<?> module : modules) {
      excluded.add(location(module));
    }
    return new RuntimeClasspath(entries.stream().filter(entry -> !excluded.contains(entry)).toList());
  }

  /**
   * The entries with the one holding {@code module}'s classes moved to the end, so that resources
   * found first (logging configuration) are those of the application a child runs.
   */
  public RuntimeClasspath last(Class<?> module) {
    Path location = location(module);
    List<Path> reordered = new ArrayList<>(entries.stream().filter(entry -> !entry.equals(location)).toList());
    if (entries.contains(location)) {
      reordered.add(location);
    }
    return new RuntimeClasspath(reordered);
  }

  /**
   * The same classes with every jar that names others in its manifest replaced by a copy without
   * the manifest, written under {@code scratch} (once per run); those others are entries already.
   */
  public RuntimeClasspath withoutManifests(Path scratch) {
    List<Path> flattened = new ArrayList<>();
    for (Path entry : entries) {
      flattened.add(classPathManifest(entry) == null ? entry : strippedCopy(entry, scratch));
    }
    return new RuntimeClasspath(flattened);
  }

  public List<Path> entries() {
    return entries;
  }

  /** The entries as a {@code -cp} argument. */
  public String argument() {
    return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  /** The jar or classes folder a class was loaded from. */
  static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from", e);
    }
  }

  private static void add(Path entry, Set<Path> entries) {
    // Module jars name their own lib/ folder, which only exists next to the module's build.
    if (!Files.exists(entry) || !entries.add(entry)) {
      return;
    }
    String classPath = classPathManifest(entry);
    if (classPath == null) {
      return;
    }
    for (String reference : classPath.trim().split("\\s+")) {
      if (!reference.isEmpty()) {
        add(resolve(entry.getParent(), reference), entries);
      }
    }
  }

  /** The {@code Class-Path} attribute of a jar's manifest; null for folders and jars without one. */
  private static String classPathManifest(Path entry) {
    if (!Files.isRegularFile(entry) || !entry.toString().endsWith(".jar")) {
      return null;
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      Manifest manifest = jar.getManifest();
      return manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the manifest of " + entry, e);
    }
  }

  private static Path strippedCopy(Path jar, Path scratch) {
    Path copy = scratch.resolve(jar.getFileName().toString().replace(".jar", "") + "-classes.jar");
    if (Files.exists(copy)) {
      return copy;
    }
    try (JarFile source = new JarFile(jar.toFile())) {
      Files.createDirectories(scratch);
      Path temporary = Files.createTempFile(scratch, "classes", ".jar");
      try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(temporary))) {
        for (ZipEntry entry : Collections.list(source.entries())) {
          if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
            continue;
          }
          out.putNextEntry(new ZipEntry(entry.getName()));
          try (InputStream in = source.getInputStream(entry)) {
            in.transferTo(out);
          }
          out.closeEntry();
        }
      }
      return Files.move(temporary, copy, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the classes of " + jar + " to " + scratch, e);
    }
  }

  /** Manifest references are relative URLs, or absolute file URLs in test launcher jars. */
  private static Path resolve(Path base, String reference) {
    try {
      URI uri = new URI(reference);
      Path path = uri.isAbsolute() ? Path.of(uri) : base.resolve(Path.of(uri.getPath()));
      return path.toAbsolutePath().normalize();
    } catch (URISyntaxException e) {
      return base.resolve(reference).toAbsolutePath().normalize();
    }
  }
}
