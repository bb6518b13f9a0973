package org.oncofed.coordinator.task;

/**
 * An update failed one of the intake's checks and was not kept; the round continues without it.
 * The message names the site, the check and what was expected versus found.
 */
public final class UpdateRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String participant;
  private final UpdateCheck check;
  private final String reason;

  public UpdateRejectedException(String participant, UpdateCheck check, String reason) {
    super("update from " + participant + " rejected (" + check.code() + "): " + reason);
    this.participant = participant;
    this.check = check;
    this.reason = reason;
  }

  public String participant() {
    return participant;
  }

  public UpdateCheck check() {
    return check;
  }

  /** What was wrong, without the site or the check: the text sent back to the node. */
  public String reason() {
    return reason;
  }
}
