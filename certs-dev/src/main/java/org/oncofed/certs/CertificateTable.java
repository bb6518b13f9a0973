package org.oncofed.certs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code list} output: one aligned row per issued certificate. */
final class CertificateTable {

  private static final String[] HEADER = {"NAME", "ROLE", "SERIAL", "NOT-AFTER", "STATUS"};

  private CertificateTable() {}

  /** Status is {@code expired} for a certificate past its notAfter that was never revoked. */
  static String format(List<IssuedCertificate> entries, Instant now) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (IssuedCertificate entry : entries) {
      String status =
          entry.isRevoked()
              ? "revoked " + entry.revokedAt()
              : entry.isExpiredAt(now) ? "expired" : "valid";
      rows.add(
          new String[] {
            entry.name(), entry.role().ou(), entry.serialHex(), entry.notAfter().toString(), status
          });
    }
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int column = 0; column < row.length; column++) {
        widths[column] = Math.max(widths[column], row[column].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (String[] row : rows) {
      for (int column = 0; column < row.length; column++) {
        boolean last = column == row.length - 1;
        text.append(last ? row[column] : pad(row[column], widths[column] + 2));
      }
      text.append('\n');
    }
    return text.toString();
  }

  private static String pad(String value, int width) {
    return value + " ".repeat(width - value.length());
  }
}
