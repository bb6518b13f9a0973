package org.oncofed.coordinator.task;

import java.util.Locale;

/**
 * The checks an uploaded update passes, in the order {@link UpdateIntake} runs them; a rejection
 * names the one that failed, as a code for the node, the log and the audit trail.
 */
public enum UpdateCheck {
  /** The task is open, was sent to this site, and takes an update (training or baseline). */
  BINDING,
  /** The update was trained from the model the task sent. */
  BASE_MODEL,
  /** Known encoding; parameter count and size those of the model; as many values as parameters. */
  SHAPE,
  /** Between 1 and the training slices the site registered. */
  SAMPLE_COUNT,
  /** The bytes arrived whole, no more than announced, and hash to what the upload's trailer says. */
  TRANSFER,
  /** A provenance record that hashes to the header's hash and names this update, experiment, round, base model and sample count. */
  PROVENANCE,
  /** Every value finite. */
  FINITE,
  /** Distance to the base model within the experiment's bound (training tasks). */
  NORM,
  /** Identical bytes were never accepted before in the experiment. */
  REPLAY;

  /** The code sent to the node and recorded in the trail, e.g. {@code base_model}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
