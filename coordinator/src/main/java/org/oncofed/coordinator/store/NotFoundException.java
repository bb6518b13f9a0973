package org.oncofed.coordinator.store;

/** Something asked for by id that the store does not hold; the REST API answers 404 with the message. */
public abstract class NotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  protected NotFoundException(String message) {
    super(message);
  }
}
