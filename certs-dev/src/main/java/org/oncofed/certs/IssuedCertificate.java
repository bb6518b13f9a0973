package org.oncofed.certs;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One line of index.tsv: a certificate the development CA issued and whether it is revoked.
 *
 * @param revokedAt when it was revoked; {@code null} while valid
 * @param reason why it was revoked; {@code null} while valid
 */
public record IssuedCertificate(
    BigInteger serial,
    String name,
    Role role,
    Instant notBefore,
    Instant notAfter,
    Status status,
    Instant revokedAt,
    RevocationReason reason) {

  public enum Status {
    VALID,
    REVOKED;

    public String label() {
      return this == VALID ? "valid" : "revoked";
    }
  }

  public IssuedCertificate {
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    Objects.requireNonNull(status, "status");
    boolean revoked = status == Status.REVOKED;
    if (revoked != (revokedAt != null) || revoked != (reason != null)) {
      throw new IllegalArgumentException(
          "status "
              + status.label()
              + " of "
              + name
              + " needs revokedAt and reason exactly when revoked, found revokedAt="
              + revokedAt
              + ", reason="
              + reason);
    }
  }

  static IssuedCertificate valid(
      BigInteger serial, String name, Role role, Instant notBefore, Instant notAfter) {
    return new IssuedCertificate(serial, name, role, notBefore, notAfter, Status.VALID, null, null);
  }

  IssuedCertificate revoke(Instant at, RevocationReason why) {
    return new IssuedCertificate(serial, name, role, notBefore, notAfter, Status.REVOKED, at, why);
  }

  public boolean isRevoked() {
    return status == Status.REVOKED;
  }

  public boolean isExpiredAt(Instant instant) {
    return instant.isAfter(notAfter);
  }

  /**
   * The serial as upper-case hex, two digits per byte, the way {@code openssl x509 -noout -serial}
   * prints it, so the two can be compared by eye or with grep.
   */
  public String serialHex() {
    return formatSerial(serial);
  }

  static String formatSerial(BigInteger serial) {
    byte[] bytes = serial.toByteArray();
    // toByteArray adds a zero sign byte when the top bit is set; the serial itself is positive.
    int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
    return HexFormat.of().withUpperCase().formatHex(bytes, start, bytes.length);
  }
}
