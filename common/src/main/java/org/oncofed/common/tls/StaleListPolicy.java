package org.oncofed.common.tls;

import java.util.Locale;

/**
 * What a party does while its revocation list is past its nextUpdate: the CA has stopped vouching
 * for it, so a certificate revoked since may be missing from it.
 */
public enum StaleListPolicy {
  /** Fail closed: refuse every peer certificate until a current list is installed. */
  REFUSE,
  /** Fail open: keep accepting peers and warn in the log and the status. */
  WARN;

  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }
}
