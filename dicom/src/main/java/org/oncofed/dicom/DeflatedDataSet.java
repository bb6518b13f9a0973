package org.oncofed.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates the data set of a Deflated Explicit VR Little Endian file (PS3.5 A.5, raw RFC 1951)
 * within a budget the data set itself sets, counting output as it is produced:
 *
 * <ol>
 *   <li>any data set may inflate to {@link ReaderLimits#maxAttributeBytes()};
 *   <li>past that, it must already have declared its image ({@link DeclaredImage}), and may grow
 *       by that image's pixel bytes and no further, never beyond {@link
 *       ReaderLimits#maxInflatedBytes()};
 *   <li>output is inflated a chunk at a time and counted against the budget before it is kept;
 *       the buffer that keeps it grows only as output arrives, each growth first checked against
 *       {@link ReaderLimits#maxMemoryBytes()}.
 * </ol>
 *
 * A deflate bomb is refused once it passes what any valid data set of its declared size could
 * need, having cost at most that much memory.
 */
final class DeflatedDataSet {

  /** Inflated output is counted against the budget a chunk at a time, before it is kept. */
  private static final int CHUNK_BYTES = 64 << 10;

  private final Inflater inflater;
  private final ReaderLimits limits;
  private final long fileBytes;
  private byte[] out;
  private int written;
  private long budget;
  private DeclaredImage declared;

  private DeflatedDataSet(Inflater inflater, ReaderLimits limits, long fileBytes) {
    this.inflater = inflater;
    this.limits = limits;
    this.fileBytes = fileBytes;
  }

  /** The inflated data set, from position 0 to its limit, little-endian. */
  static ByteBuffer inflate(byte[] file, int start, ReaderLimits limits)
      throws DicomFormatException {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(file, start, file.length - start);
      DeflatedDataSet data = new DeflatedDataSet(inflater, limits, file.length);
      data.run(file.length - start);
      return ByteBuffer.wrap(data.out, 0, data.written).order(ByteOrder.LITTLE_ENDIAN);
    } catch (DataFormatException e) {
      throw DicomFormatException.malformed("deflated data set is corrupt: " + e.getMessage());
    } finally {
      inflater.end();
    }
  }

  private void run(int compressedBytes) throws DataFormatException, DicomFormatException {
    budget = limits.maxAttributeBytes();
    long initial = Math.min(budget, Math.max(CHUNK_BYTES, 4L * compressedBytes));
    limits.requireMemory(fileBytes + CHUNK_BYTES + initial, "inflating the deflated data set");
    byte[] chunk = new byte[CHUNK_BYTES];
    out = new byte[(int) initial];
    while (!inflater.finished()) {
      int n = inflater.inflate(chunk);
      if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
        throw DicomFormatException.truncated(
            "deflated data set ends before its end-of-stream marker (" + written
                + " bytes inflated)");
      }
      if ((long) written + n > budget) {
        if (declared == null) {
          budget = budgetOfDeclaredImage();
        }
        if ((long) written + n > budget) {
          throw beyondBudget();
        }
      }
      append(chunk, n);
    }
  }

  private void append(byte[] chunk, int n) throws DicomFormatException {
    if (out.length - written < n) {
      long capacity = Math.min(budget, Math.max((long) written + n, 2L * out.length));
      limits.requireMemory(fileBytes + CHUNK_BYTES + out.length + capacity,
          "inflating the deflated data set");
      out = Arrays.copyOf(out, (int) capacity);
    }
    System.arraycopy(chunk, 0, out, written, n);
    written += n;
  }

  /**
   * Called once output would pass the attribute allowance: what the data set has declared so far
   * decides how much more it may need.
   */
  private long budgetOfDeclaredImage() throws DicomFormatException {
    long allowance = limits.maxAttributeBytes();
    DataSet prefix = DataSetParser.parsePrefix(
        ByteBuffer.wrap(out, 0, written).order(ByteOrder.LITTLE_ENDIAN), true,
        limits.maxSequenceDepth());
    declared = DeclaredImage.of(prefix).orElseThrow(() -> DicomFormatException.limit(
        "deflated data set inflates beyond " + allowance + " bytes without declaring an image"
            + " (Rows, Columns, Samples per Pixel, Bits Allocated) that could need more"));
    long pixelBytes = declared.pixelBytes();
    if (pixelBytes > limits.maxInflatedBytes()) {
      throw DicomFormatException.limit(
          "deflated data set declares " + declared.describe() + " = " + pixelBytes
              + " bytes of pixel data, above the limit of " + limits.maxInflatedBytes()
              + " bytes for an inflated data set");
    }
    limits.requireMemory(fileBytes + Math.max(written, pixelBytes),
        "inflating a data set that declares " + declared.describe());
    return Math.min(limits.maxInflatedBytes(), allowance + pixelBytes);
  }

  private DicomFormatException beyondBudget() {
    long pixelBytes = declared.pixelBytes();
    long allowance = limits.maxAttributeBytes();
    if (budget < allowance + pixelBytes) {
      return DicomFormatException.limit(
          "deflated data set inflates beyond the limit of " + budget + " bytes");
    }
    return DicomFormatException.limit(
        "deflated data set inflates beyond " + budget + " bytes, the most a data set declaring "
            + declared.describe() + " may need (" + pixelBytes + " bytes of pixel data and "
            + allowance + " of other attributes)");
  }
}
