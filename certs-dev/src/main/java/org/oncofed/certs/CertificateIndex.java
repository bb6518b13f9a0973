package org.oncofed.certs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * index.tsv: one tab-separated line per issued certificate, in issue order, after a header line
 * starting with {@code #}. Columns: serial (hex), name, role, notBefore, notAfter (ISO-8601 UTC),
 * status (valid|revoked), revokedAt and reason ({@code -} while valid). The reason is kept so that
 * each re-issued CRL repeats it.
 */
final class CertificateIndex {

  static final String HEADER =
      "# serial\tname\trole\tnotBefore\tnotAfter\tstatus\trevokedAt\treason";
  private static final String NONE = "-";
  private static final int COLUMNS = 8;

  private CertificateIndex() {}

  static List<IssuedCertificate> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new PkiException("missing certificate index " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read certificate index " + file, e);
    }
    List<IssuedCertificate> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      try {
        entries.add(parse(line));
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new PkiException(
            file + " line " + (i + 1) + ": " + e.getMessage() + " in '" + line + "'", e);
      }
    }
    return entries;
  }

  static void write(Path file, List<IssuedCertificate> entries) {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (IssuedCertificate entry : entries) {
      text.append(format(entry)).append('\n');
    }
    SecureFiles.writePublic(file, text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String format(IssuedCertificate entry) {
    return String.join(
        "\t",
        entry.serialHex(),
        entry.name(),
        entry.role().ou(),
        entry.notBefore().toString(),
        entry.notAfter().toString(),
        entry.status().label(),
        entry.isRevoked() ? entry.revokedAt().toString() : NONE,
        entry.isRevoked() ? entry.reason().label() : NONE);
  }

  private static IssuedCertificate parse(String line) {
    String[] columns = line.split("\t", -1);
    if (columns.length != COLUMNS) {
      throw new IllegalArgumentException(
          "expected " + COLUMNS + " tab-separated columns, found " + columns.length);
    }
    BigInteger serial = new BigInteger(columns[0], 16);
    String name = columns[1];
    Role role = Role.fromOu(columns[2]);
    Instant notBefore = Instant.parse(columns[3]);
    Instant notAfter = Instant.parse(columns[4]);
    return switch (columns[5]) {
      case "valid" -> IssuedCertificate.valid(serial, name, role, notBefore, notAfter);
      case "revoked" ->
          IssuedCertificate.valid(serial, name, role, notBefore, notAfter)
              .revoke(Instant.parse(columns[6]), RevocationReason.parse(columns[7]));
      default ->
          throw new IllegalArgumentException(
              "expected status valid or revoked, found '" + columns[5] + "'");
    };
  }
}
