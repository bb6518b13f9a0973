package org.oncofed.dicom;

/** A JPEG Huffman table in the MINCODE/MAXCODE/VALPTR form of ITU T.81 F.2.2.3. */
final class JpegHuffmanTable {

  private final int[] minCode = new int[17];
  private final int[] maxCode = new int[18];
  private final int[] valuePointer = new int[17];
  private final int[] values;
  private final String where;

  private JpegHuffmanTable(int[] values, String where) {
    this.values = values;
    this.where = where;
  }

  static JpegHuffmanTable build(int[] counts, int[] values, String where)
      throws DicomFormatException {
    JpegHuffmanTable t = new JpegHuffmanTable(values, where);
    int code = 0;
    int k = 0;
    for (int length = 1; length <= 16; length++) {
      t.valuePointer[length] = k;
      t.minCode[length] = code;
      code += counts[length];
      k += counts[length];
      if (code > (1 << length)) {
        throw DicomFormatException.malformed(where + " Huffman table has too many codes of length " + length);
      }
      t.maxCode[length] = counts[length] > 0 ? code - 1 : -1;
      code <<= 1;
    }
    t.maxCode[17] = Integer.MAX_VALUE;
    return t;
  }

  int decode(JpegBitReader bits) throws DicomFormatException {
    int code = bits.bit();
    int length = 1;
    while (code > maxCode[length]) {
      code = (code << 1) | bits.bit();
      length++;
      if (length > 16) {
        throw DicomFormatException.malformed(where + " invalid Huffman code");
      }
    }
    return values[valuePointer[length] + code - minCode[length]];
  }
}
