package org.oncofed.coordinator.round;

/** A round is OPEN while it collects updates, then AGGREGATED or FAILED (below quorum, or cancelled). */
public enum RoundStatus {
  OPEN,
  AGGREGATED,
  FAILED
}
