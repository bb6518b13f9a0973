package org.oncofed.coordinator.task;

/** What a task asks a site to do. */
public enum TaskKind {
  /** Train from the round's global model and upload an update. */
  TRAIN,
  /** Train a local-only baseline with the experiment's whole budget and upload it. */
  BASELINE,
  /** Evaluate a model on a local split and return counts. */
  EVALUATE
}
