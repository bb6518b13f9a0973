package org.oncofed.coordinator.experiment;

/** A request that cannot be carried out as asked; answered 400 with the field and the reason. */
public final class InvalidRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final String field;

  public InvalidRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
