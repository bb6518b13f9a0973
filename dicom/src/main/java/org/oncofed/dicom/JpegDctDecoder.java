package org.oncofed.dicom;

/**
 * Sequential DCT JPEG with Huffman coding (ITU T.81 processes 1, 2 and 4) at any precision up to
 * 12 bits. ImageIO's JPEG reader stops at 8 bits, and DICOM's JPEG Extended syntax carries 12-bit
 * CT, so this small decoder covers that case. Samples come out as coded, chroma replicated to full
 * size, without colour conversion. Every table and index is checked, so a corrupt stream ends in
 * a {@link DicomFormatException}, and work is bounded by the frame size.
 */
final class JpegDctDecoder {

  private static final int[] ZIGZAG = {
    0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20,
    13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59,
    52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63
  };
  private final byte[] data;
  private final String where;
  private final int[][] quantisation = new int[4][];
  private final JpegHuffmanTable[] dcTables = new JpegHuffmanTable[4];
  private final JpegHuffmanTable[] acTables = new JpegHuffmanTable[4];
  private int pos;
  private int restartInterval;
  private int precision;
  private int width;
  private int height;
  private Component[] components;
  private int maxH;
  private int maxV;
  private int scans;
  private final JpegBitReader bits;

  private JpegDctDecoder(byte[] data, int frameIndex) {
    this.data = data;
    this.where = "frame " + frameIndex + ": JPEG";
    this.bits = new JpegBitReader(data, where);
  }

  /** Decodes a whole JPEG stream whose SOF must describe {@code format}'s frame. */
  static void decode(byte[] data, PixelFormat format, int frameIndex, int[] out, int offset)
      throws DicomFormatException {
    new JpegDctDecoder(data, frameIndex).run(format, out, offset);
  }

  private void run(PixelFormat format, int[] out, int offset) throws DicomFormatException {
    if (data.length < 2 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != 0xD8) {
      throw malformed("stream does not start with SOI");
    }
    pos = 2;
    while (pos < data.length) {
      int marker = nextMarker();
      if (marker == 0xD9) {
        break;
      }
      switch (marker) {
        case 0xDB -> readQuantisationTables();
        case 0xC4 -> readHuffmanTables();
        case 0xC0, 0xC1 -> readFrameHeader(format);
        case 0xDD -> readRestartInterval();
        case 0xDA -> decodeScan();
        default -> {
          if ((marker >= 0xE0 && marker <= 0xEF) || marker == 0xFE) {
            pos += segmentLength();
          } else {
            throw DicomFormatException.unsupported(
                where + " marker 0xFF" + Integer.toHexString(marker).toUpperCase()
                    + " is not supported by the sequential DCT decoder");
          }
        }
      }
    }
    if (scans == 0) {
      throw malformed("stream has no scan");
    }
    writeSamples(out, offset);
  }

  private int nextMarker() throws DicomFormatException {
    if ((data[pos] & 0xFF) != 0xFF) {
      throw malformed("expected a marker at offset " + pos);
    }
    while (pos < data.length && (data[pos] & 0xFF) == 0xFF) {
      pos++;
    }
    if (pos >= data.length) {
      throw malformed("stream ends inside a marker");
    }
    return data[pos++] & 0xFF;
  }

  private int segmentLength() throws DicomFormatException {
    if (data.length - pos < 2) {
      throw malformed("segment length runs past the end of the stream");
    }
    int length = u16(pos);
    if (length < 2 || length > data.length - pos) {
      throw malformed("segment at offset " + pos + " declares " + length + " bytes, "
          + (data.length - pos) + " remain");
    }
    return length;
  }

  private void readQuantisationTables() throws DicomFormatException {
    int end = pos + segmentLength();
    pos += 2;
    while (pos < end) {
      int pq = (data[pos] & 0xFF) >> 4;
      int tq = data[pos] & 0x0F;
      pos++;
      int entryBytes = pq == 0 ? 1 : 2;
      if (tq > 3 || pq > 1 || end - pos < 64 * entryBytes) {
        throw malformed("bad quantisation table header");
      }
      int[] table = new int[64];
      for (int k = 0; k < 64; k++) {
        // Kept in natural (row-major) order, as the inverse DCT reads it.
        table[ZIGZAG[k]] = entryBytes == 1 ? data[pos] & 0xFF : u16(pos);
        pos += entryBytes;
      }
      quantisation[tq] = table;
    }
  }

  private void readHuffmanTables() throws DicomFormatException {
    int end = pos + segmentLength();
    pos += 2;
    while (pos < end) {
      if (end - pos < 17) {
        throw malformed("Huffman table header runs past its segment");
      }
      int tc = (data[pos] & 0xFF) >> 4;
      int th = data[pos] & 0x0F;
      if (tc > 1 || th > 3) {
        throw malformed("bad Huffman table class " + tc + " or id " + th);
      }
      int[] counts = new int[17];
      int total = 0;
      for (int l = 1; l <= 16; l++) {
        counts[l] = data[pos + l] & 0xFF;
        total += counts[l];
      }
      pos += 17;
      if (total > 256 || end - pos < total) {
        throw malformed("Huffman table declares " + total + " values");
      }
      int[] values = new int[total];
      for (int i = 0; i < total; i++) {
        values[i] = data[pos + i] & 0xFF;
      }
      pos += total;
      JpegHuffmanTable table = JpegHuffmanTable.build(counts, values, where);
      (tc == 0 ? dcTables : acTables)[th] = table;
    }
  }

  private void readFrameHeader(PixelFormat format) throws DicomFormatException {
    int length = segmentLength();
    if (components != null) {
      throw malformed("stream has more than one frame header");
    }
    if (length < 8) {
      throw malformed("frame header too short");
    }
    precision = data[pos + 2] & 0xFF;
    height = u16(pos + 3);
    width = u16(pos + 5);
    int count = data[pos + 7] & 0xFF;
    if (precision != 8 && precision != 12) {
      throw DicomFormatException.unsupported(where + " precision " + precision + " is not supported");
    }
    if (width != format.columns() || height != format.rows()) {
      throw malformed("codestream is " + width + "x" + height + " but the data set says "
          + format.columns() + "x" + format.rows());
    }
    if (count != format.samplesPerPixel() || length != 8 + 3 * count) {
      throw malformed("frame header has " + count + " components, Samples per Pixel is "
          + format.samplesPerPixel());
    }
    components = new Component[count];
    for (int i = 0; i < count; i++) {
      int at = pos + 8 + 3 * i;
      int h = (data[at + 1] & 0xFF) >> 4;
      int v = data[at + 1] & 0x0F;
      int tq = data[at + 2] & 0xFF;
      if (h < 1 || h > 4 || v < 1 || v > 4 || tq > 3) {
        throw malformed("bad sampling factors or table of component " + i);
      }
      components[i] = new Component(data[at] & 0xFF, h, v, tq);
      maxH = Math.max(maxH, h);
      maxV = Math.max(maxV, v);
    }
    int mcusX = ceilDiv(width, 8 * maxH);
    int mcusY = ceilDiv(height, 8 * maxV);
    for (Component c : components) {
      c.planeWidth = mcusX * c.h * 8;
      c.planeHeight = mcusY * c.v * 8;
      c.plane = new int[c.planeWidth * c.planeHeight];
    }
    pos += length;
  }

  private void readRestartInterval() throws DicomFormatException {
    int length = segmentLength();
    if (length != 4) {
      throw malformed("restart interval segment must be 4 bytes, found " + length);
    }
    restartInterval = u16(pos + 2);
    pos += length;
  }

  private void decodeScan() throws DicomFormatException {
    int length = segmentLength();
    if (components == null) {
      throw malformed("scan before frame header");
    }
    int count = data[pos + 2] & 0xFF;
    if (count < 1 || count > components.length || length != 6 + 2 * count) {
      throw malformed("scan header declares " + count + " components");
    }
    Component[] inScan = new Component[count];
    for (int i = 0; i < count; i++) {
      int id = data[pos + 3 + 2 * i] & 0xFF;
      int tables = data[pos + 4 + 2 * i] & 0xFF;
      inScan[i] = componentById(id);
      inScan[i].dc = table(dcTables, tables >> 4, "DC");
      inScan[i].ac = table(acTables, tables & 0x0F, "AC");
      inScan[i].predictor = 0;
    }
    pos += length;
    bits.start(pos);

    int[] coefficients = new int[64];
    int[] samples = new int[64];
    int mcusX;
    int mcusY;
    if (count == 1) {
      Component c = inScan[0];
      mcusX = ceilDiv(ceilDiv(width * c.h, maxH), 8);
      mcusY = ceilDiv(ceilDiv(height * c.v, maxV), 8);
    } else {
      mcusX = ceilDiv(width, 8 * maxH);
      mcusY = ceilDiv(height, 8 * maxV);
    }
    int total = mcusX * mcusY;
    for (int mcu = 0; mcu < total; mcu++) {
      if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0) {
        bits.restart();
        for (Component c : inScan) {
          c.predictor = 0;
        }
      }
      int mx = mcu % mcusX;
      int my = mcu / mcusX;
      if (count == 1) {
        decodeBlock(inScan[0], mx, my, coefficients, samples);
      } else {
        for (Component c : inScan) {
          for (int v = 0; v < c.v; v++) {
            for (int h = 0; h < c.h; h++) {
              decodeBlock(c, mx * c.h + h, my * c.v + v, coefficients, samples);
            }
          }
        }
      }
    }
    if (bits.ranOut()) {
      throw malformed("scan data ends before its last block (truncated or corrupt)");
    }
    pos = bits.end();
    scans++;
  }

  private void decodeBlock(Component c, int bx, int by, int[] coefficients, int[] samples)
      throws DicomFormatException {
    int[] q = quantisation[c.tq];
    if (q == null) {
      throw malformed("quantisation table " + c.tq + " is not defined");
    }
    java.util.Arrays.fill(coefficients, 0);
    int size = c.dc.decode(bits);
    if (size > 16) {
      throw malformed("DC difference of " + size + " bits");
    }
    c.predictor += bits.receiveExtend(size);
    coefficients[0] = c.predictor;
    for (int k = 1; k < 64; ) {
      int rs = c.ac.decode(bits);
      int run = rs >> 4;
      int s = rs & 0x0F;
      if (s == 0) {
        if (run != 15) {
          break;
        }
        k += 16;
        continue;
      }
      k += run;
      if (k > 63) {
        throw malformed("AC coefficient index beyond 63");
      }
      coefficients[ZIGZAG[k]] = bits.receiveExtend(s);
      k++;
    }
    JpegIdct.islow(coefficients, q, precision, samples);
    int x0 = bx * 8;
    int y0 = by * 8;
    if (x0 + 8 > c.planeWidth || y0 + 8 > c.planeHeight) {
      return;
    }
    for (int y = 0; y < 8; y++) {
      System.arraycopy(samples, y * 8, c.plane, (y0 + y) * c.planeWidth + x0, 8);
    }
  }

  private void writeSamples(int[] out, int offset) {
    int n = components.length;
    for (int ci = 0; ci < n; ci++) {
      Component c = components[ci];
      for (int y = 0; y < height; y++) {
        int row = (y * c.v / maxV) * c.planeWidth;
        int target = offset + y * width * n + ci;
        for (int x = 0; x < width; x++) {
          out[target + x * n] = c.plane[row + x * c.h / maxH];
        }
      }
    }
  }

  private Component componentById(int id) throws DicomFormatException {
    for (Component c : components) {
      if (c.id == id) {
        return c;
      }
    }
    throw malformed("scan refers to unknown component " + id);
  }

  private JpegHuffmanTable table(JpegHuffmanTable[] tables, int id, String kind)
      throws DicomFormatException {
    if (id > 3 || tables[id] == null) {
      throw malformed(kind + " Huffman table " + id + " is not defined");
    }
    return tables[id];
  }

  private int u16(int at) {
    return (data[at] & 0xFF) << 8 | (data[at + 1] & 0xFF);
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  private DicomFormatException malformed(String what) {
    return DicomFormatException.malformed(where + " " + what);
  }

  private static final class Component {
    final int id;
    final int h;
    final int v;
    final int tq;
    int planeWidth;
    int planeHeight;
    int[] plane;
    JpegHuffmanTable dc;
    JpegHuffmanTable ac;
    int predictor;

    Component(int id, int h, int v, int tq) {
      this.id = id;
      this.h = h;
      this.v = v;
      this.tq = tq;
    }
  }
}
