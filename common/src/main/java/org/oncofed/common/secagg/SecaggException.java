package org.oncofed.common.secagg;

/**
 * A secure aggregation message or request that was refused, or a round that cannot go on. The
 * message names the site and says what was expected and what was found. A session that throws it
 * has failed for good: it answers no further call, so nothing is revealed after a refusal.
 */
public class SecaggException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SecaggException(String message) {
    super(message);
  }

  public SecaggException(String message, Throwable cause) {
    super(message, cause);
  }
}
