package org.oncofed.dicom;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses data set encodings (PS3.5 7): explicit or implicit VR, either byte order, sequences with
 * defined or undefined lengths, and encapsulated pixel data. Every declared length is checked
 * against the bytes left in its container before it is used, and nesting is capped, so a hostile
 * file costs at most a bounded walk over its real bytes.
 */
final class DataSetParser {

  private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;

  private final ByteBuffer buffer;
  private final int maxDepth;
  private int pos;

  private DataSetParser(ByteBuffer buffer, int start, int maxDepth) {
    this.buffer = buffer;
    this.pos = start;
    this.maxDepth = maxDepth;
  }

  /** Parses the data set that fills {@code buffer} from {@code start} to its limit. */
  static DataSet parse(ByteBuffer buffer, int start, boolean explicitVr, int maxDepth)
      throws DicomFormatException {
    DataSetParser parser = new DataSetParser(buffer, start, maxDepth);
    return parser.readDataSet(buffer.limit(), false, explicitVr, 0);
  }

  /**
   * Parses the value of an element of unknown VR in an implicit VR data set as a sequence's items:
   * the implicit VR dictionary knows few sequences, and a walk over every attribute must still look
   * inside the others.
   */
  static List<DataSet> parseItems(ByteBuffer buffer, int tag, int offset, int length, int maxDepth)
      throws DicomFormatException {
    DataSetParser parser = new DataSetParser(buffer, offset, maxDepth);
    return parser.readItems(tag, offset + length, false, false, 1);
  }

  /**
   * Parses the top-level elements that lie wholly within {@code buffer}, stopping at the first one
   * the buffer cuts short: what a data set has declared so far while it is still being inflated.
   * A structure that is broken (rather than cut) is refused as {@link #parse} would refuse it.
   */
  static DataSet parsePrefix(ByteBuffer buffer, boolean explicitVr, int maxDepth)
      throws DicomFormatException {
    DataSetParser parser = new DataSetParser(buffer, 0, maxDepth);
    Map<Integer, Element> elements = new HashMap<>();
    int end = buffer.limit();
    while (parser.pos < end) {
      Element e;
      try {
        e = parser.readElement(end, explicitVr, 0);
      } catch (DicomFormatException cut) {
        if (cut.reason() == DicomFormatException.Reason.TRUNCATED) {
          break;
        }
        throw cut;
      }
      elements.putIfAbsent(e.tag(), e);
    }
    return new DataSet(buffer, elements);
  }

  /**
   * Parses File Meta Information (explicit VR little endian, group 0002) starting at {@code
   * start}; stops before the first element of another group. Returns the meta data set and where
   * the main data set begins.
   */
  static FileMeta parseFileMeta(ByteBuffer littleEndian, int start, int maxDepth)
      throws DicomFormatException {
    DataSetParser parser = new DataSetParser(littleEndian, start, maxDepth);
    Map<Integer, Element> elements = new HashMap<>();
    int end = littleEndian.limit();
    while (end - parser.pos >= 2 && (littleEndian.getShort(parser.pos) & 0xFFFF) == 0x0002) {
      Element e = parser.readElement(end, true, 0);
      elements.putIfAbsent(e.tag(), e);
    }
    return new FileMeta(new DataSet(littleEndian, elements), parser.pos);
  }

  record FileMeta(DataSet dataSet, int end) {}

  private DataSet readDataSet(int end, boolean undefinedItem, boolean explicitVr, int depth)
      throws DicomFormatException {
    Map<Integer, Element> elements = new HashMap<>();
    while (true) {
      if (pos >= end) {
        if (undefinedItem) {
          throw DicomFormatException.truncated(
              "item with undefined length has no Item Delimitation Item before the end of the "
                  + container(end));
        }
        break;
      }
      if (undefinedItem && end - pos >= 4 && peekTag() == Tag.ITEM_DELIMITATION) {
        int at = pos;
        pos += 4;
        long length = readUint32(end, "Item Delimitation Item");
        if (length != 0) {
          throw DicomFormatException.malformed(
              "Item Delimitation Item at offset " + at + " must have length 0, found " + length);
        }
        break;
      }
      Element e = readElement(end, explicitVr, depth);
      elements.putIfAbsent(e.tag(), e);
    }
    return new DataSet(buffer, elements);
  }

  private Element readElement(int end, boolean explicitVr, int depth) throws DicomFormatException {
    int at = pos;
    int tag = readTag(end, "element header");
    if (Tag.group(tag) == 0xFFFE) {
      throw DicomFormatException.malformed(
          "unexpected " + Tag.describe(tag) + " at offset " + at + " (expected a data element)");
    }
    Vr vr;
    long length;
    if (explicitVr) {
      require(2, end, "VR of " + Tag.describe(tag));
      int first = buffer.get(pos) & 0xFF;
      int second = buffer.get(pos + 1) & 0xFF;
      vr = Vr.of(first, second);
      if (vr == null) {
        throw DicomFormatException.malformed(
            "invalid VR " + printable(first, second) + " for " + Tag.describe(tag) + " at offset " + at);
      }
      pos += 2;
      if (vr.hasLongLength()) {
        require(6, end, "length of " + Tag.describe(tag));
        pos += 2;
        length = readUint32(end, "length");
      } else {
        require(2, end, "length of " + Tag.describe(tag));
        length = buffer.getShort(pos) & 0xFFFF;
        pos += 2;
      }
    } else {
      length = readUint32(end, "length of " + Tag.describe(tag));
      vr = ImplicitVr.of(tag);
    }

    if (length == UNDEFINED_LENGTH) {
      return readUndefinedLength(tag, vr, explicitVr, end, depth, at);
    }
    if (length > end - pos) {
      throw DicomFormatException.truncated(
          Tag.describe(tag) + " at offset " + at + " declares " + length + " bytes but only "
              + (end - pos) + " remain in the " + container(end));
    }
    int valueStart = pos;
    int valueLength = (int) length;
    if (vr == Vr.SQ) {
      List<DataSet> items = readItems(tag, valueStart + valueLength, false, explicitVr, depth + 1);
      return new Element(tag, vr, valueStart, 0, items, null);
    }
    pos += valueLength;
    return new Element(tag, vr, valueStart, valueLength, null, null);
  }

  private Element readUndefinedLength(
      int tag, Vr vr, boolean explicitVr, int end, int depth, int at) throws DicomFormatException {
    if (tag == Tag.PIXEL_DATA) {
      return new Element(tag, vr, pos, 0, null, readFragments(end, at));
    }
    if (vr == Vr.SQ || !explicitVr) {
      return new Element(tag, Vr.SQ, pos, 0, readItems(tag, end, true, explicitVr, depth + 1), null);
    }
    if (vr == Vr.UN) {
      // PS3.5 6.2.2: UN with undefined length holds an implicit VR little endian sequence.
      return new Element(tag, Vr.SQ, pos, 0, readItems(tag, end, true, false, depth + 1), null);
    }
    throw DicomFormatException.malformed(
        Tag.describe(tag) + " at offset " + at + " has undefined length but VR " + vr
            + " (only SQ, UN and Pixel Data may)");
  }

  private List<DataSet> readItems(
      int sequenceTag, int end, boolean undefinedLength, boolean explicitVr, int depth)
      throws DicomFormatException {
    if (depth > maxDepth) {
      throw DicomFormatException.limit(
          "sequences nested deeper than " + maxDepth + " levels (" + Tag.describe(sequenceTag)
              + " at offset " + pos + ")");
    }
    List<DataSet> items = new ArrayList<>();
    while (true) {
      if (!undefinedLength && pos == end) {
        return items;
      }
      if (end - pos < 8) {
        throw DicomFormatException.truncated(
            undefinedLength
                ? "sequence " + Tag.describe(sequenceTag)
                    + " with undefined length has no Sequence Delimitation Item before the end of the "
                    + container(end)
                : "sequence " + Tag.describe(sequenceTag) + " needs an 8-byte item header at offset "
                    + pos + " but only " + (end - pos) + " bytes remain");
      }
      int at = pos;
      int tag = readTag(end, "item header");
      long length = readUint32(end, "item length");
      if (tag == Tag.SEQUENCE_DELIMITATION && undefinedLength) {
        return items;
      }
      if (tag != Tag.ITEM) {
        throw DicomFormatException.malformed(
            "sequence " + Tag.describe(sequenceTag) + ": expected Item (fffe,e000) at offset " + at
                + ", found " + Tag.format(tag));
      }
      if (length == UNDEFINED_LENGTH) {
        items.add(readDataSet(end, true, explicitVr, depth));
      } else if (length > end - pos) {
        throw DicomFormatException.truncated(
            "item of " + Tag.describe(sequenceTag) + " at offset " + at + " declares " + length
                + " bytes but only " + (end - pos) + " remain in the " + container(end));
      } else {
        items.add(readDataSet(pos + (int) length, false, explicitVr, depth));
      }
    }
  }

  private Element.Fragments readFragments(int end, int at) throws DicomFormatException {
    Element.Region offsetTable = null;
    List<Element.Region> fragments = new ArrayList<>();
    while (true) {
      if (end - pos < 8) {
        throw DicomFormatException.truncated(
            "encapsulated Pixel Data at offset " + at
                + " has no Sequence Delimitation Item before the end of the " + container(end));
      }
      int itemAt = pos;
      int tag = readTag(end, "fragment header");
      long length = readUint32(end, "fragment length");
      if (tag == Tag.SEQUENCE_DELIMITATION) {
        break;
      }
      if (tag != Tag.ITEM) {
        throw DicomFormatException.malformed(
            "encapsulated Pixel Data: expected Item (fffe,e000) at offset " + itemAt + ", found "
                + Tag.format(tag));
      }
      if (length == UNDEFINED_LENGTH) {
        throw DicomFormatException.malformed(
            "Pixel Data fragment at offset " + itemAt + " has undefined length");
      }
      if (length > end - pos) {
        throw DicomFormatException.truncated(
            "Pixel Data fragment at offset " + itemAt + " declares " + length + " bytes but only "
                + (end - pos) + " remain in the " + container(end));
      }
      Element.Region region = new Element.Region(pos, (int) length);
      pos += (int) length;
      if (offsetTable == null) {
        offsetTable = region;
      } else {
        fragments.add(region);
      }
    }
    if (offsetTable == null) {
      throw DicomFormatException.malformed(
          "encapsulated Pixel Data at offset " + at + " has no Basic Offset Table item");
    }
    return new Element.Fragments(offsetTable, List.copyOf(fragments));
  }

  private int peekTag() {
    return ((buffer.getShort(pos) & 0xFFFF) << 16) | (buffer.getShort(pos + 2) & 0xFFFF);
  }

  private int readTag(int end, String what) throws DicomFormatException {
    require(4, end, what);
    int tag = peekTag();
    pos += 4;
    return tag;
  }

  private long readUint32(int end, String what) throws DicomFormatException {
    require(4, end, what);
    long value = buffer.getInt(pos) & 0xFFFFFFFFL;
    pos += 4;
    return value;
  }

  private void require(int bytes, int end, String what) throws DicomFormatException {
    if (end - pos < bytes) {
      throw DicomFormatException.truncated(
          what + " at offset " + pos + " needs " + bytes + " bytes but only " + (end - pos)
              + " remain in the " + container(end));
    }
  }

  private String container(int end) {
    return end == buffer.limit() ? "file" : "enclosing item";
  }

  private static String printable(int first, int second) {
    boolean text = first >= 0x20 && first < 0x7F && second >= 0x20 && second < 0x7F;
    return text
        ? "'" + (char) first + (char) second + "'"
        : String.format("0x%02x%02x", first, second);
  }
}
