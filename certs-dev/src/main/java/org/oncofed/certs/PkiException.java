package org.oncofed.certs;

/**
 * The PKI on disk is not in a state that allows the requested operation (a CA already exists, a
 * name is already issued, a file is missing or unreadable). Bad arguments raise {@link
 * IllegalArgumentException} instead.
 */
public final class PkiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PkiException(String message) {
    super(message);
  }

  public PkiException(String message, Throwable cause) {
    super(message, cause);
  }
}
