package org.oncofed.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The OncoFed checkout the suite runs from: where the DICOM test samples are and where reports go.
 * Found from the {@code oncofed.home} system property (set by the launcher), else from the working
 * directory upwards (a module folder, when tests run).
 */
record Checkout(Path dir) {

  private static final Path SAMPLES = Path.of("dicom", "src", "test", "resources", "dicom-samples");

  static Checkout locate() {
    String home = System.getProperty("oncofed.home");
    if (home != null) {
      return new Checkout(Path.of(home).toAbsolutePath().normalize());
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(SAMPLES))) {
        return new Checkout(dir);
      }
    }
    return new Checkout(Path.of("").toAbsolutePath());
  }

  Path dicomSamples() {
    return dir.resolve(SAMPLES);
  }

  Path reportFile(String timestamp) {
    return dir.resolve("target").resolve("bench").resolve("bench-" + timestamp + ".json");
  }
}
