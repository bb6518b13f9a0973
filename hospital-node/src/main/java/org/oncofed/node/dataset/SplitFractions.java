package org.oncofed.node.dataset;

/** Shares of patients for training, validation and test; they sum to 1. */
public record SplitFractions(double train, double validation, double test) {

  public static final SplitFractions DEFAULT = new SplitFractions(0.7, 0.15, 0.15);

  public SplitFractions {
    if (!(train > 0) || validation < 0 || test < 0 || Math.abs(train + validation + test - 1) > 1e-9) {
      throw new IllegalArgumentException(
          "split fractions must be non-negative, train positive, and sum to 1; found " + train + ", "
              + validation + ", " + test);
    }
  }
}
