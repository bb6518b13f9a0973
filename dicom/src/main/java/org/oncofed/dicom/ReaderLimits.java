package org.oncofed.dicom;

/**
 * Bounds that keep a hostile or broken file from exhausting the node. Declared lengths are always
 * checked against the bytes actually present; these limits bound what cannot be checked that way
 * (inflated size, decoded size of compressed frames, nesting depth, memory held by one read).
 * Decompression is further bounded by what the file itself declares (see {@link DeflatedDataSet}
 * and {@link DecodeBudget}); these are the ceilings over any declaration.
 *
 * @param maxFileBytes largest file read at all
 * @param maxInflatedBytes largest data set a Deflated transfer syntax may inflate to
 * @param maxAttributeBytes most a deflated data set may inflate to beyond its declared pixel bytes
 *     (every attribute other than the image itself); past this, it must have declared its image
 * @param maxSequenceDepth deepest sequence nesting accepted
 * @param maxDecodedSamples most pixel samples (all frames) one image may decode to
 * @param maxCompressionRatio most decoded bytes per encoded byte a compressed frame may claim
 * @param maxMemoryBytes most bytes one read may hold at once: the file, its inflated data set, the
 *     decoded samples and the codec's working copies of one frame
 */
public record ReaderLimits(
    long maxFileBytes,
    long maxInflatedBytes,
    long maxAttributeBytes,
    int maxSequenceDepth,
    long maxDecodedSamples,
    int maxCompressionRatio,
    long maxMemoryBytes) {

  /**
   * Generous for clinical CT and MR; a 1000-frame 512x512 enhanced CT fits when the heap does. One
   * read may hold half of this JVM's heap; the other half is the rest of the node's.
   */
  public static final ReaderLimits DEFAULT =
      new ReaderLimits(
          1L << 30, 512L << 20, 32L << 20, 64, 300L << 20, 4096,
          Runtime.getRuntime().maxMemory() / 2);

  private static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

  public ReaderLimits {
    requireInRange("maxFileBytes", maxFileBytes, MAX_ARRAY_BYTES);
    requireInRange("maxInflatedBytes", maxInflatedBytes, MAX_ARRAY_BYTES);
    requireInRange("maxAttributeBytes", maxAttributeBytes, maxInflatedBytes);
    requireInRange("maxSequenceDepth", maxSequenceDepth, Integer.MAX_VALUE);
    requireInRange("maxDecodedSamples", maxDecodedSamples, MAX_ARRAY_BYTES);
    requireInRange("maxCompressionRatio", maxCompressionRatio, Integer.MAX_VALUE);
    requireInRange("maxMemoryBytes", maxMemoryBytes, Long.MAX_VALUE);
  }

  /**
   * Refuses a read that would hold more than {@link #maxMemoryBytes()}; called before the
   * allocation it accounts for.
   *
   * @param bytes everything the read would hold at once, the new allocation included
   * @param what what the memory is for, as the refusal names it
   */
  void requireMemory(long bytes, String what) throws DicomFormatException {
    if (bytes > maxMemoryBytes) {
      throw DicomFormatException.limit(
          what + " needs " + mebibytes(bytes) + " MiB, more than the " + mebibytes(maxMemoryBytes)
              + " MiB one file may hold");
    }
  }

  private static long mebibytes(long bytes) {
    return (bytes + (1 << 20) - 1) >> 20;
  }

  private static void requireInRange(String name, long value, long max) {
    if (value < 1 || value > max) {
      throw new IllegalArgumentException(name + " must be in 1.." + max + ", found " + value);
    }
  }
}
