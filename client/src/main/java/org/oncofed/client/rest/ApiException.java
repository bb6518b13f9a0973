package org.oncofed.client.rest;

import java.io.IOException;

/** The coordinator answered a REST call with an error status; the message carries its explanation. */
public final class ApiException extends IOException {

  private static final long serialVersionUID = 1L;
  private final int status;
  private final String body;

  public ApiException(int status, String call, String body) {
    super(call + " failed with HTTP " + status + (body == null || body.isBlank() ? "" : ": " + body));
    this.status = status;
    this.body = body == null ? "" : body;
  }

  public int status() {
    return status;
  }

  /** The answer's body as sent (an ApiError JSON for the coordinator's own errors); empty when there was none. */
  public String body() {
    return body;
  }
}
