package org.oncofed.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * What a JPEG 2000 codestream declares before its data (ITU T.800 Annex A): the image and tile
 * grid (SIZ) and the coding styles (COD, COC) of the main header and of every tile-part header,
 * which together decide how much bookkeeping a decoder sets up. Reads a raw codestream or the
 * first codestream of a JP2 file; everything past the headers is skipped by its declared length.
 */
final class Jpeg2000Header {

  private static final int SOC = 0xFF4F;
  private static final int SIZ = 0xFF51;
  private static final int COD = 0xFF52;
  private static final int COC = 0xFF53;
  private static final int SOT = 0xFF90;
  private static final int SOD = 0xFF93;
  private static final long JP2_CODESTREAM_BOX = 0x6A703263L; // 'jp2c'
  /** T.800 A.6.1: at most 32 decomposition levels. */
  private static final int MAX_LEVELS = 32;
  /** T.800 A.6.1: default precinct size, 2^15 on each side (one precinct per resolution). */
  private static final int DEFAULT_PRECINCT_EXPONENT = 15;

  /**
   * How one tile-component is coded.
   *
   * @param precinctWidths precinct width exponent per resolution level, 0 (lowest) to levels
   */
  record CodingStyle(
      int levels, int codeBlockWidth, int codeBlockHeight, int[] precinctWidths,
      int[] precinctHeights) {}

  /** The image and tile grid on the reference grid, and each component's subsampling. */
  record Grid(
      long width, long height, long x0, long y0, long tileWidth, long tileHeight, long tileX0,
      long tileY0, int[] subsamplingX, int[] subsamplingY) {

    long tilesAcross() {
      return ceilDiv(width - tileX0, tileWidth);
    }

    long tilesDown() {
      return ceilDiv(height - tileY0, tileHeight);
    }

    int components() {
      return subsamplingX.length;
    }
  }

  private final ByteBuffer data;
  private final String where;
  private Grid grid;
  private CodingStyle mainStyle;
  private int mainLayers;
  private final Map<Integer, CodingStyle> mainComponentStyles = new HashMap<>();
  private final Map<Integer, CodingStyle> tileStyles = new HashMap<>();
  private final Map<Integer, Integer> tileLayers = new HashMap<>();
  private final Map<Long, CodingStyle> tileComponentStyles = new HashMap<>();

  private Jpeg2000Header(ByteBuffer data, int frameIndex) {
    this.data = data;
    this.where = "frame " + frameIndex + ": JPEG 2000";
  }

  /** Reads the headers of {@code frame} (position 0 to its limit). */
  static Jpeg2000Header read(ByteBuffer frame, int frameIndex) throws DicomFormatException {
    Jpeg2000Header header =
        new Jpeg2000Header(frame.duplicate().order(ByteOrder.BIG_ENDIAN), frameIndex);
    header.parse();
    return header;
  }

  Grid grid() {
    return grid;
  }

  /** The coding style of one tile-component: tile COC, tile COD, main COC, main COD, in order. */
  CodingStyle style(int tile, int component) {
    CodingStyle style = tileComponentStyles.get(tileComponent(tile, component));
    if (style == null) {
      style = tileStyles.get(tile);
    }
    if (style == null) {
      style = mainComponentStyles.get(component);
    }
    return style == null ? mainStyle : style;
  }

  /** Quality layers of a tile: its own COD's, else the main header's. */
  int layers(int tile) {
    return tileLayers.getOrDefault(tile, mainLayers);
  }

  private void parse() throws DicomFormatException {
    int pos = codestreamStart();
    if (u16(pos) != SOC || u16(pos + 2) != SIZ) {
      throw malformed("codestream must start with SOC and SIZ markers");
    }
    pos = readSiz(pos + 2);
    while (u16(pos) != SOT) {
      pos = readMainSegment(pos);
    }
    if (mainStyle == null) {
      throw malformed("main header has no COD marker segment");
    }
    readTileParts(pos);
  }

  /** Where the codestream begins: at 0, or inside the JP2 file format's 'jp2c' box. */
  private int codestreamStart() throws DicomFormatException {
    if (data.limit() >= 2 && u16(0) == SOC) {
      return 0;
    }
    long pos = 0;
    while (pos + 8 <= data.limit()) {
      long length = u32((int) pos);
      long type = u32((int) pos + 4);
      long header = 8;
      if (length == 1) {
        length = (u32((int) pos + 8) << 32) | u32((int) pos + 12);
        header = 16;
      } else if (length == 0) {
        length = data.limit() - pos;
      }
      if (type == JP2_CODESTREAM_BOX) {
        return (int) (pos + header);
      }
      if (length < header) {
        throw malformed("JP2 box at offset " + pos + " declares " + length + " bytes");
      }
      pos += length;
    }
    throw malformed("data holds neither a codestream (SOC marker) nor a JP2 codestream box");
  }

  private int readSiz(int at) throws DicomFormatException {
    int length = u16(at + 2);
    require(at + 2, length);
    int components = u16(at + 38);
    if (components < 1 || length != 38 + 3 * components) {
      throw malformed("SIZ declares " + components + " components in " + length + " bytes");
    }
    int[] subsamplingX = new int[components];
    int[] subsamplingY = new int[components];
    for (int c = 0; c < components; c++) {
      subsamplingX[c] = u8(at + 41 + 3 * c);
      subsamplingY[c] = u8(at + 42 + 3 * c);
      if (subsamplingX[c] == 0 || subsamplingY[c] == 0) {
        throw malformed("component " + c + " has a subsampling factor of 0");
      }
    }
    grid = new Grid(u32(at + 6), u32(at + 10), u32(at + 14), u32(at + 18), u32(at + 22),
        u32(at + 26), u32(at + 30), u32(at + 34), subsamplingX, subsamplingY);
    if (grid.x0() >= grid.width() || grid.y0() >= grid.height()) {
      throw malformed("SIZ declares an empty image");
    }
    if (grid.tileWidth() == 0 || grid.tileHeight() == 0 || grid.tileX0() > grid.x0()
        || grid.tileY0() > grid.y0() || grid.tileX0() + grid.tileWidth() <= grid.x0()
        || grid.tileY0() + grid.tileHeight() <= grid.y0()) {
      throw malformed("SIZ declares a tile grid that does not cover the image");
    }
    return at + 2 + length;
  }

  private int readMainSegment(int at) throws DicomFormatException {
    int marker = marker(at, "main header");
    int length = u16(at + 2);
    require(at + 2, length);
    if (marker == COD) {
      mainStyle = readCod(at + 4);
      mainLayers = u16(at + 6);
    } else if (marker == COC) {
      mainComponentStyles.put(component(at + 4), readCoc(at + 4));
    }
    return at + 2 + length;
  }

  /** Walks tile-parts by their declared lengths, reading COD and COC in each tile-part header. */
  private void readTileParts(int at) throws DicomFormatException {
    long tiles = grid.tilesAcross() * grid.tilesDown();
    int pos = at;
    while (data.limit() - pos >= 12 && u16(pos) == SOT) {
      int tile = u16(pos + 4);
      long tilePartLength = u32(pos + 6);
      if (tile >= tiles) {
        throw malformed("tile-part at offset " + pos + " is for tile " + tile + " of " + tiles);
      }
      int segment = pos + 12;
      while (u16(segment) != SOD) {
        segment = readTileSegment(tile, segment);
      }
      if (tilePartLength == 0) {
        return;
      }
      if (tilePartLength < 14) {
        throw malformed("tile-part at offset " + pos + " declares " + tilePartLength + " bytes");
      }
      if (tilePartLength > data.limit() - pos) {
        return; // A codestream cut short: the decoder reports what it can, or refuses it.
      }
      pos += (int) tilePartLength;
    }
  }

  private int readTileSegment(int tile, int at) throws DicomFormatException {
    int marker = marker(at, "tile-part header");
    int length = u16(at + 2);
    require(at + 2, length);
    if (marker == COD) {
      tileStyles.put(tile, readCod(at + 4));
      tileLayers.put(tile, u16(at + 6));
    } else if (marker == COC) {
      tileComponentStyles.put(tileComponent(tile, component(at + 4)), readCoc(at + 4));
    }
    return at + 2 + length;
  }

  /** COD body: Scod, progression order, layers, transform, then the coding parameters. */
  private CodingStyle readCod(int at) throws DicomFormatException {
    boolean precincts = (u8(at) & 1) != 0;
    return readParameters(at + 5, precincts);
  }

  /** COC body: component index (1 or 2 bytes), Scoc, then the coding parameters. */
  private CodingStyle readCoc(int at) throws DicomFormatException {
    int body = at + componentIndexBytes();
    boolean precincts = (u8(body) & 1) != 0;
    return readParameters(body + 1, precincts);
  }

  /** SPcod / SPcoc: levels, code-block size, style, transform, then precinct sizes if present. */
  private CodingStyle readParameters(int at, boolean precincts) throws DicomFormatException {
    int levels = u8(at);
    if (levels > MAX_LEVELS) {
      throw malformed("declares " + levels + " decomposition levels (at most " + MAX_LEVELS + ")");
    }
    int codeBlockWidth = u8(at + 1) + 2;
    int codeBlockHeight = u8(at + 2) + 2;
    int[] widths = new int[levels + 1];
    int[] heights = new int[levels + 1];
    for (int r = 0; r <= levels; r++) {
      int size = precincts ? u8(at + 5 + r) : 0xFF;
      widths[r] = precincts ? size & 0x0F : DEFAULT_PRECINCT_EXPONENT;
      heights[r] = precincts ? size >> 4 : DEFAULT_PRECINCT_EXPONENT;
    }
    return new CodingStyle(levels, codeBlockWidth, codeBlockHeight, widths, heights);
  }

  private int component(int at) throws DicomFormatException {
    int component = componentIndexBytes() == 1 ? u8(at) : u16(at);
    if (component >= grid.components()) {
      throw malformed("COC for component " + component + " of " + grid.components());
    }
    return component;
  }

  private int componentIndexBytes() {
    return grid.components() < 257 ? 1 : 2;
  }

  private static long tileComponent(int tile, int component) {
    return ((long) tile << 16) | component;
  }

  private void require(int at, int length) throws DicomFormatException {
    if (length < 2 || length > data.limit() - at) {
      throw malformed("marker segment at offset " + (at - 2) + " declares " + length
          + " bytes, " + (data.limit() - at) + " remain");
    }
  }

  private int marker(int at, String header) throws DicomFormatException {
    int marker = u16(at);
    if ((marker & 0xFF00) != 0xFF00) {
      throw malformed("expected a marker at offset " + at + " of the " + header);
    }
    return marker;
  }

  private int u8(int at) throws DicomFormatException {
    if (at < 0 || at >= data.limit()) {
      throw malformed("header runs past the end of the frame (offset " + at + ")");
    }
    return data.get(at) & 0xFF;
  }

  private int u16(int at) throws DicomFormatException {
    if (at < 0 || at + 2 > data.limit()) {
      throw malformed("header runs past the end of the frame (offset " + at + ")");
    }
    return data.getShort(at) & 0xFFFF;
  }

  private long u32(int at) throws DicomFormatException {
    if (at < 0 || at + 4 > data.limit()) {
      throw malformed("header runs past the end of the frame (offset " + at + ")");
    }
    return data.getInt(at) & 0xFFFFFFFFL;
  }

  private DicomFormatException malformed(String what) {
    return DicomFormatException.malformed(where + " " + what);
  }

  static long ceilDiv(long value, long divisor) {
    return (value + divisor - 1) / divisor;
  }
}
