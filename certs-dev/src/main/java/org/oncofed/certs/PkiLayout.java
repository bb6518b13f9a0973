package org.oncofed.certs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where each file of a PKI directory lives. The coordinator and the nodes load these paths, so they
 * are a contract; certs-dev/README.md lists them.
 */
final class PkiLayout {

  private final Path dir;

  PkiLayout(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  Path dir() {
    return dir;
  }

  Path caCertificate() {
    return dir.resolve("ca.pem");
  }

  Path caKey() {
    return dir.resolve("ca-key.pem");
  }

  Path crl() {
    return dir.resolve("crl.pem");
  }

  Path index() {
    return dir.resolve("index.tsv");
  }

  /** {@code coordinator.pem}, {@code sites/<name>.pem} or {@code users/<name>.pem}. */
  Path certificate(String name, Role role) {
    return switch (role) {
      case COORDINATOR -> dir.resolve("coordinator.pem");
      case NODE -> sites().resolve(name + ".pem");
      case RESEARCHER, AUDITOR, ADMIN -> users().resolve(name + ".pem");
    };
  }

  /** The private key beside {@code certificate}: {@code x.pem} has {@code x-key.pem}. */
  static Path keyFor(Path certificate) {
    String file = certificate.getFileName().toString();
    String stem = file.endsWith(".pem") ? file.substring(0, file.length() - 4) : file;
    return certificate.resolveSibling(stem + "-key.pem");
  }

  Path bad(String file) {
    return dir.resolve("bad").resolve(file);
  }

  /** Folders holding certificates that only chain to the current CA. */
  List<Path> issuedFolders() {
    return List.of(sites(), users(), dir.resolve("bad"));
  }

  /** The first CA file that already exists, or {@code null} when there is no CA here. */
  Path existingCaFile() {
    for (Path file : List.of(caCertificate(), caKey())) {
      if (Files.exists(file)) {
        return file;
      }
    }
    return null;
  }

  private Path sites() {
    return dir.resolve("sites");
  }

  private Path users() {
    return dir.resolve("users");
  }
}
