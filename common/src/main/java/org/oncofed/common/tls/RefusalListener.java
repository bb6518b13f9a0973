package org.oncofed.common.tls;

/** Told about every peer certificate refused during a TLS handshake, for logging and the audit trail. */
@FunctionalInterface
public interface RefusalListener {

  /**
   * @param subject the refused certificate's subject, or a placeholder if none was presented
   * @param reason why it was refused, in words an auditor can read
   */
  void refused(String subject, String reason);

  RefusalListener NONE = (subject, reason) -> {};
}
