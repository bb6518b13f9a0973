package org.oncofed.dicom;

import java.nio.ByteBuffer;

/**
 * JPEG 2000 frames, decoded by jai-imageio only once the codestream's headers ({@link
 * Jpeg2000Header}) agree with the data set and fit a budget derived from the frame's declared
 * samples. The decoder sets up bookkeeping for every precinct (about 2 KB each) and for every
 * code-block in every quality layer before it reads any data, so a few hundred bytes of header
 * declaring 1x1 tiles or precincts, or thousands of layers, would otherwise cost it gigabytes.
 * Real encoders use precincts of 32 samples a side or more and a few dozen layers, far inside
 * these budgets.
 */
final class Jpeg2000FrameDecoder implements FrameDecoder {

  /**
   * Tiles, and precincts over tiles, components and resolution levels: one per 64 declared
   * samples. Code-blocks times quality layers: one per declared sample.
   */
  private static final int SAMPLES_PER_PRECINCT = 64;
  /** Floor of both budgets, for small frames. */
  private static final int MIN_BUDGET = 4096;

  private final FrameDecoder imageIo =
      new ImageIoFrameDecoder("JPEG 2000", ImageIoReaders::jpeg2000);

  @Override
  public void decode(ByteBuffer frame, PixelFormat format, int frameIndex, int[] out, int offset)
      throws DicomFormatException {
    Jpeg2000Header header = Jpeg2000Header.read(frame, frameIndex);
    requireDeclaredImage(header.grid(), format, frameIndex);
    requireBookkeepingWithinBudget(header, format, frameIndex);
    imageIo.decode(frame, format, frameIndex, out, offset);
  }

  private static void requireDeclaredImage(
      Jpeg2000Header.Grid grid, PixelFormat format, int frameIndex) throws DicomFormatException {
    long width = grid.width() - grid.x0();
    long height = grid.height() - grid.y0();
    if (width != format.columns() || height != format.rows()) {
      throw DicomFormatException.malformed(
          "frame " + frameIndex + ": JPEG 2000 codestream is " + width + "x" + height
              + " but the data set says " + format.columns() + "x" + format.rows());
    }
    if (grid.components() != format.samplesPerPixel()) {
      throw DicomFormatException.malformed(
          "frame " + frameIndex + ": JPEG 2000 codestream has " + grid.components()
              + " components but Samples per Pixel is " + format.samplesPerPixel());
    }
  }

  private static void requireBookkeepingWithinBudget(
      Jpeg2000Header header, PixelFormat format, int frameIndex) throws DicomFormatException {
    long samples = format.samplesPerFrame();
    long maxPrecincts = Math.max(MIN_BUDGET, samples / SAMPLES_PER_PRECINCT);
    long maxCodeBlockLayers = Math.max(MIN_BUDGET, samples);
    Jpeg2000Header.Grid grid = header.grid();
    long across = grid.tilesAcross();
    long tiles = across * grid.tilesDown();
    if (tiles > maxPrecincts) {
      throw overBudget(frameIndex, "tiles", tiles, maxPrecincts, format);
    }
    long precincts = 0;
    long codeBlockLayers = 0;
    for (int tile = 0; tile < tiles; tile++) {
      long x0 = Math.max(grid.tileX0() + tile % across * grid.tileWidth(), grid.x0());
      long x1 = Math.min(grid.tileX0() + (tile % across + 1) * grid.tileWidth(), grid.width());
      long y0 = Math.max(grid.tileY0() + tile / across * grid.tileHeight(), grid.y0());
      long y1 = Math.min(grid.tileY0() + (tile / across + 1) * grid.tileHeight(), grid.height());
      for (int c = 0; c < grid.components(); c++) {
        Jpeg2000Header.CodingStyle style = header.style(tile, c);
        long layers = header.layers(tile);
        int sx = grid.subsamplingX()[c];
        int sy = grid.subsamplingY()[c];
        for (int r = 0; r <= style.levels(); r++) {
          int shift = style.levels() - r;
          Resolution area = new Resolution(
              ceilShift(Jpeg2000Header.ceilDiv(x0, sx), shift),
              ceilShift(Jpeg2000Header.ceilDiv(x1, sx), shift),
              ceilShift(Jpeg2000Header.ceilDiv(y0, sy), shift),
              ceilShift(Jpeg2000Header.ceilDiv(y1, sy), shift));
          long inResolution = area.precincts(style.precinctWidths()[r], style.precinctHeights()[r]);
          precincts += inResolution;
          codeBlockLayers += Math.max(area.codeBlocks(style, r), inResolution) * layers;
          if (precincts > maxPrecincts) {
            throw overBudget(frameIndex, "precincts", precincts, maxPrecincts, format);
          }
          if (codeBlockLayers > maxCodeBlockLayers) {
            throw overBudget(
                frameIndex, "code-blocks x quality layers", codeBlockLayers, maxCodeBlockLayers,
                format);
          }
        }
      }
    }
  }

  /** One resolution level of a tile-component, on its own grid: [x0, x1) x [y0, y1). */
  private record Resolution(long x0, long x1, long y0, long y1) {

    long precincts(int widthExponent, int heightExponent) {
      if (x1 <= x0 || y1 <= y0) {
        return 0;
      }
      return (ceilShift(x1, widthExponent) - (x0 >> widthExponent))
          * (ceilShift(y1, heightExponent) - (y0 >> heightExponent));
    }

    /** Code-blocks of the level's subbands (one at the lowest level, three above it). */
    long codeBlocks(Jpeg2000Header.CodingStyle style, int r) {
      int bands = r == 0 ? 1 : 3;
      int bandShift = r == 0 ? 0 : 1;
      // Code-blocks never span precincts: above level 0 a subband's precinct is half the size.
      int width = Math.max(0, Math.min(style.codeBlockWidth(), style.precinctWidths()[r] - bandShift));
      int height =
          Math.max(0, Math.min(style.codeBlockHeight(), style.precinctHeights()[r] - bandShift));
      return bands * ceilShift(ceilShift(x1 - x0, bandShift), width)
          * ceilShift(ceilShift(y1 - y0, bandShift), height);
    }
  }

  private static DicomFormatException overBudget(
      int frameIndex, String what, long found, long max, PixelFormat format) {
    return DicomFormatException.limit(
        "frame " + frameIndex + ": JPEG 2000 codestream declares at least " + found + " " + what
            + ", more than the " + max + " a " + format.columns() + "x" + format.rows() + " frame of "
            + format.samplesPerPixel() + " samples per pixel may have");
  }

  /** {@code ceil(value / 2^shift)} for non-negative values. */
  private static long ceilShift(long value, int shift) {
    if (shift >= 62) {
      return value > 0 ? 1 : 0;
    }
    return (value + (1L << shift) - 1) >> shift;
  }
}
