package org.oncofed.coordinator.web;

/** The caller's role allows the call, but not on this experiment; answered 403 and recorded. */
final class ForbiddenException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final String experimentId;

  ForbiddenException(String experimentId, String message) {
    super(message);
    this.experimentId = experimentId;
  }

  String experimentId() {
    return experimentId;
  }
}
