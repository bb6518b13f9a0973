package org.oncofed.node.dataset;

/** Told how far a long job (scan, slice preparation) has got, for progress output. */
@FunctionalInterface
public interface ProgressListener {

  ProgressListener NONE = (done, total) -> {};

  void progress(int done, int total);
}
