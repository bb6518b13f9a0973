package org.oncofed.node.train;

/**
 * Receives a training task's progress. Called on the training thread after every epoch, so an
 * implementation should return quickly; an exception it throws aborts the task.
 */
@FunctionalInterface
public interface TrainingProgressListener {

  TrainingProgressListener NONE = progress -> {};

  void epochFinished(EpochProgress progress);
}
