package org.oncofed.coordinator.model;

/** Where a stored parameter vector came from. */
public enum ModelKind {
  /** Built from the catalogue spec and seed, or loaded from researcher-supplied pretrained weights. */
  INITIAL,
  /** Aggregated from site updates at the end of a round. */
  GLOBAL,
  /**
   * A site's accepted update in a round, kept until the experiment ends so that a coordinator
   * restarted mid-round aggregates it without asking the site again.
   */
  UPDATE,
  /** A site's local-only baseline, trained with the same budget for comparison; never aggregated. */
  BASELINE
}
