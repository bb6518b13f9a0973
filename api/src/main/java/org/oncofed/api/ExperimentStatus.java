package org.oncofed.api;

/** Lifecycle of an experiment: CREATED, then RUNNING, then one of the final states. */
public enum ExperimentStatus {
  CREATED,
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELLED;

  public boolean isFinal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
