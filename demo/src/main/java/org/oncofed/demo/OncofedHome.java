package org.oncofed.demo;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the OncoFed checkout is, and so where each module's runnable jar lies. */
record OncofedHome(Path dir) {

  /** From the {@code oncofed.home} system property (set by the launcher), else the working directory upwards. */
  static OncofedHome locate() {
    String property = System.getProperty("oncofed.home");
    if (property != null) {
      return new OncofedHome(Path.of(property).toAbsolutePath().normalize());
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("oncofed")) && Files.isDirectory(dir.resolve("coordinator"))) {
        return new OncofedHome(dir);
      }
    }
    throw new IllegalStateException("cannot find the OncoFed checkout: run through ./oncofed or set -Doncofed.home");
  }

  Path jar(String module) {
    return dir.resolve(module).resolve("target").resolve(module + ".jar");
  }
}
