package org.oncofed.common.metrics;

/**
 * A point of a one-vs-rest ROC curve recovered from a score histogram.
 *
 * @param threshold the lower edge {@code k/bins} of the lowest bin counted as positive: scores
 *     in bins {@code k..bins-1} are predicted positive ({@code k = bins}, threshold 1.0, predicts
 *     none positive)
 * @param falsePositiveRate negatives predicted positive over all negatives
 * @param truePositiveRate positives predicted positive over all positives (sensitivity)
 */
public record RocPoint(double threshold, double falsePositiveRate, double truePositiveRate) {}
