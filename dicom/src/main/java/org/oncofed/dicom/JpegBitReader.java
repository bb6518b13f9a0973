package org.oncofed.dicom;

/**
 * Reads entropy-coded JPEG data bit by bit: removes stuffed zero bytes after 0xFF and stops at the
 * next marker. Past it, it yields zero bits (bounding the work on a damaged stream by the number
 * of blocks left) and remembers that it ran out, so the decoder can refuse the frame.
 */
final class JpegBitReader {

  private final byte[] data;
  private final String where;
  private int pos;
  private int buffer;
  private int count;
  private boolean atMarker;
  private boolean ranOut;

  JpegBitReader(byte[] data, String where) {
    this.data = data;
    this.where = where;
  }

  void start(int position) {
    pos = position;
    count = 0;
    atMarker = false;
    ranOut = false;
  }

  /** True when the decoder needed bits beyond the scan's data. */
  boolean ranOut() {
    return ranOut;
  }

  /** Position of the marker that ended the scan (or the end of the data). */
  int end() {
    count = 0;
    while (pos < data.length && !((data[pos] & 0xFF) == 0xFF && pos + 1 < data.length
        && (data[pos + 1] & 0xFF) != 0 && (data[pos + 1] & 0xFF) != 0xFF)) {
      pos++;
    }
    return pos;
  }

  /** Consumes an RSTn marker between restart intervals. */
  void restart() throws DicomFormatException {
    count = 0;
    atMarker = false;
    if (pos + 1 < data.length && (data[pos] & 0xFF) == 0xFF
        && (data[pos + 1] & 0xFF) >= 0xD0 && (data[pos + 1] & 0xFF) <= 0xD7) {
      pos += 2;
      return;
    }
    throw DicomFormatException.malformed(where + " expected a restart marker at offset " + pos);
  }

  int bit() {
    if (count == 0) {
      fill();
    }
    count--;
    return (buffer >> count) & 1;
  }

  /** Reads {@code size} bits and maps them to a signed value (T.81 F.2.2.1 EXTEND). */
  int receiveExtend(int size) {
    if (size == 0) {
      return 0;
    }
    int value = 0;
    for (int i = 0; i < size; i++) {
      value = (value << 1) | bit();
    }
    return value < (1 << (size - 1)) ? value - (1 << size) + 1 : value;
  }

  private void fill() {
    count = 8;
    if (atMarker || pos >= data.length) {
      ranOut = true;
      buffer = 0;
      return;
    }
    int b = data[pos] & 0xFF;
    if (b == 0xFF) {
      int next = pos + 1 < data.length ? data[pos + 1] & 0xFF : -1;
      if (next == 0) {
        pos += 2;
        buffer = 0xFF;
        return;
      }
      atMarker = true;
      ranOut = true;
      buffer = 0;
      return;
    }
    pos++;
    buffer = b;
  }
}
