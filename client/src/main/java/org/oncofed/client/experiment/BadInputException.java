package org.oncofed.client.experiment;

/** A local input (command-line value, file, credential) is wrong; the message says what and where. */
final class BadInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  BadInputException(String message) {
    super(message);
  }
}
