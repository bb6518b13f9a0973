package org.oncofed.dicom;

import java.util.Objects;
import org.oncofed.common.hash.Sha256;

/**
 * Decoded pixels as canonical stored values: frame-major, row-major, samples interleaved per
 * pixel, each value masked to Bits Stored and sign-extended when signed. This is the array the
 * sample manifest hashes, so {@link #canonicalSha256()} can be compared with other decoders.
 */
public final class PixelArray {

  private final int frames;
  private final int rows;
  private final int columns;
  private final int samplesPerPixel;
  private final int bitsAllocated;
  private final boolean signed;
  private final int[] samples;

  PixelArray(PixelFormat format, int[] samples) {
    this.frames = format.frames();
    this.rows = format.rows();
    this.columns = format.columns();
    this.samplesPerPixel = format.samplesPerPixel();
    this.bitsAllocated = format.bitsAllocated();
    this.signed = format.signed();
    this.samples = Objects.requireNonNull(samples, "samples");
    if (samples.length != format.totalSamples()) {
      throw new IllegalArgumentException(
          "expected " + format.totalSamples() + " samples, found " + samples.length);
    }
  }

  public int frames() {
    return frames;
  }

  public int rows() {
    return rows;
  }

  public int columns() {
    return columns;
  }

  public int samplesPerPixel() {
    return samplesPerPixel;
  }

  public int sampleCount() {
    return samples.length;
  }

  /** Stored value of a sample by its index in the canonical order. */
  public double storedValue(int index) {
    int raw = samples[index];
    return bitsAllocated == 32 && !signed ? Integer.toUnsignedLong(raw) : raw;
  }

  /** Stored values of one single-sample frame through a modality LUT, row-major. */
  public float[] modalityFrame(int frame, Rescale rescale) {
    Objects.checkIndex(frame, frames);
    if (samplesPerPixel != 1) {
      throw new IllegalStateException(
          "modality values need one sample per pixel, this image has " + samplesPerPixel);
    }
    int size = rows * columns;
    float[] out = new float[size];
    int base = frame * size;
    for (int i = 0; i < size; i++) {
      out[i] = (float) rescale.apply(storedValue(base + i));
    }
    return out;
  }

  /**
   * SHA-256 of the canonical array as little-endian integers of Bits Allocated width, in C order
   * over (frames, rows, columns, samples).
   */
  public String canonicalSha256() {
    Sha256 sha = new Sha256();
    int width = bitsAllocated / 8;
    byte[] chunk = new byte[8192 * width];
    int filled = 0;
    for (int value : samples) {
      for (int b = 0; b < width; b++) {
        chunk[filled++] = (byte) (value >>> (8 * b));
      }
      if (filled == chunk.length) {
        sha.update(chunk, 0, filled);
        filled = 0;
      }
    }
    sha.update(chunk, 0, filled);
    return sha.hex();
  }

  /** Minimum, maximum and mean over all frames and samples after the modality LUT. */
  public PixelStatistics statistics(ModalityLut lut) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    double compensation = 0;
    int perFrame = rows * columns * samplesPerPixel;
    for (int f = 0; f < frames; f++) {
      Rescale rescale = lut.forFrame(f);
      for (int i = f * perFrame, end = i + perFrame; i < end; i++) {
        double v = rescale.apply(storedValue(i));
        min = Math.min(min, v);
        max = Math.max(max, v);
        // Neumaier summation: the mean must agree with float64 references to ~1e-12.
        double t = sum + v;
        compensation += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
        sum = t;
      }
    }
    return new PixelStatistics(min, max, (sum + compensation) / samples.length);
  }
}
