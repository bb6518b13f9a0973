package org.oncofed.dicom;

/**
 * Bounds that keep a hostile or broken file from exhausting the node. Declared lengths are always
 * checked against the bytes actually present; these limits bound what cannot be checked that way
 * (inflated size, decoded size of compressed frames, nesting depth).
 *
 * @param maxFileBytes largest file read at all
 * @param maxInflatedBytes largest data set a Deflated transfer syntax may inflate to
 * @param maxSequenceDepth deepest sequence nesting accepted
 * @param maxDecodedSamples most pixel samples (all frames) one image may decode to
 * @param maxCompressionRatio most decoded bytes per encoded byte a compressed frame may claim
 */
public record ReaderLimits(
    long maxFileBytes,
    long maxInflatedBytes,
    int maxSequenceDepth,
    long maxDecodedSamples,
    int maxCompressionRatio) {

  /** Generous for clinical CT and MR; a 1000-frame 512x512 enhanced CT fits. */
  public static final ReaderLimits DEFAULT =
      new ReaderLimits(1L << 30, 512L << 20, 64, 300L << 20, 4096);

  public ReaderLimits {
    if (maxFileBytes <= 0 || maxFileBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "maxFileBytes must be in 1.." + (Integer.MAX_VALUE - 8) + ", found " + maxFileBytes);
    }
    if (maxInflatedBytes <= 0 || maxInflatedBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "maxInflatedBytes must be in 1.." + (Integer.MAX_VALUE - 8) + ", found " + maxInflatedBytes);
    }
    if (maxSequenceDepth < 1) {
      throw new IllegalArgumentException("maxSequenceDepth must be positive, found " + maxSequenceDepth);
    }
    if (maxDecodedSamples <= 0 || maxDecodedSamples > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "maxDecodedSamples must be in 1.." + (Integer.MAX_VALUE - 8) + ", found " + maxDecodedSamples);
    }
    if (maxCompressionRatio < 1) {
      throw new IllegalArgumentException(
          "maxCompressionRatio must be positive, found " + maxCompressionRatio);
    }
  }
}
