package org.oncofed.client.experiment;

/** Exit codes of {@code oncofed experiment}, documented in docs/researchers.md. */
final class ExitCodes {

  static final int OK = 0;
  /** The coordinator answered with an error (bad request, forbidden, not found...). */
  static final int REFUSED = 1;
  /** Bad command line, or a local file (configuration, credentials, weights) missing or unreadable. */
  static final int USAGE = 2;
  /** The coordinator could not be reached, or the TLS handshake failed. */
  static final int UNREACHABLE = 3;
  /** {@code watch}: the experiment ended FAILED. */
  static final int EXPERIMENT_FAILED = 4;
  /** {@code watch}: the experiment ended CANCELLED. */
  static final int EXPERIMENT_CANCELLED = 5;

  private ExitCodes() {}
}
