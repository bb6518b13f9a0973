package org.oncofed.coordinator.aggregation;

/**
 * An update failed validation and was not folded into the round; the round continues without it.
 * The message names the participant and what was expected versus found.
 */
public final class UpdateRejectedException extends RuntimeException {

  private final String participant;
  private final String reason;

  public UpdateRejectedException(String participant, String reason) {
    super("update from " + participant + " rejected: " + reason);
    this.participant = participant;
    this.reason = reason;
  }

  public String participant() {
    return participant;
  }

  /** What was wrong, without the participant: the text sent back to the node. */
  public String reason() {
    return reason;
  }
}
