package org.oncofed.node.dataset;

/** What happens to windowed values (0..1) before they become network input. */
public enum Normalisation {
  /** The window's output as is: values keep their Hounsfield meaning across slices. */
  WINDOW,
  /** Each slice stretched so its windowed minimum is 0 and maximum 1. */
  MIN_MAX,
  /** Each slice's windowed histogram flattened (256 bins), spreading contrast evenly. */
  HISTOGRAM_EQUALISATION
}
