package org.oncofed.coordinator.aggregation;

/**
 * A round cannot produce a new global model, for example because no update was accepted (total
 * weight zero). The previous global model stays in force; no NaN model is ever produced.
 */
public final class AggregationException extends RuntimeException {

  AggregationException(String message) {
    super(message);
  }
}
