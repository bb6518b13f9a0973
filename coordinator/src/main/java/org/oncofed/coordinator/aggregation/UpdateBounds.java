package org.oncofed.coordinator.aggregation;

/**
 * Limits an update must respect before it is folded into a round.
 *
 * @param maxDeltaNorm largest L2 norm of {@code update - global}; {@code +Infinity} for no bound.
 *     A bound well above what honest nodes produce (or the clip norm nodes apply) stops a single
 *     faulty or malicious update from dragging the model arbitrarily far.
 */
public record UpdateBounds(double maxDeltaNorm) {

  public static final UpdateBounds NONE = new UpdateBounds(Double.POSITIVE_INFINITY);

  public UpdateBounds {
    if (!(maxDeltaNorm > 0)) {
      throw new IllegalArgumentException("maximum delta norm must be positive, found " + maxDeltaNorm);
    }
  }

  public static UpdateBounds maxDeltaNorm(double norm) {
    return new UpdateBounds(norm);
  }

  public boolean bounded() {
    return maxDeltaNorm != Double.POSITIVE_INFINITY;
  }
}
