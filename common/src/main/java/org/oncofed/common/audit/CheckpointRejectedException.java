package org.oncofed.common.audit;

/** A signed checkpoint that must not be trusted, and why. */
public final class CheckpointRejectedException extends Exception {

  private static final long serialVersionUID = 1L;
  private final ProblemKind kind;

  public CheckpointRejectedException(ProblemKind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public ProblemKind kind() {
    return kind;
  }
}
