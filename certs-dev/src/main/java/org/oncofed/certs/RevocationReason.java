package org.oncofed.certs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Why a certificate was revoked: the RFC 5280 CRLReason values that make sense for a development
 * PKI. {@code certificateHold} is left out because revocation here is final, {@code removeFromCRL}
 * because there are no delta CRLs.
 */
public enum RevocationReason {
  UNSPECIFIED(0),
  KEY_COMPROMISE(1),
  CA_COMPROMISE(2),
  AFFILIATION_CHANGED(3),
  SUPERSEDED(4),
  CESSATION_OF_OPERATION(5),
  PRIVILEGE_WITHDRAWN(9);

  private final int code;

  RevocationReason(int code) {
    this.code = code;
  }

  /** The CRLReason code written into the CRL entry. */
  int code() {
    return code;
  }

  /** The spelling used on the command line and in index.tsv, e.g. {@code key-compromise}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses {@code key-compromise}, {@code keyCompromise} or {@code KEY_COMPROMISE} alike.
   *
   * @throws IllegalArgumentException naming the accepted values when none matches
   */
  public static RevocationReason parse(String text) {
    Objects.requireNonNull(text, "text");
    String wanted = normalise(text);
    for (RevocationReason reason : values()) {
      if (normalise(reason.name()).equals(wanted)) {
        return reason;
      }
    }
    throw new IllegalArgumentException(
        "unknown revocation reason '"
            + text
            + "': expected one of "
            + Arrays.stream(values())
                .map(RevocationReason::label)
                .collect(Collectors.joining(", ")));
  }

  private static String normalise(String text) {
    return text.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
  }
}
