package org.oncofed.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A parsed data set: attributes by tag over the file's bytes. Values are decoded on access, so a
 * data set costs memory in proportion to its number of attributes, not to their size.
 */
final class DataSet {

  private final ByteBuffer buffer;
  private final Map<Integer, Element> elements;

  DataSet(ByteBuffer buffer, Map<Integer, Element> elements) {
    this.buffer = buffer;
    this.elements = Collections.unmodifiableMap(elements);
  }

  ByteBuffer buffer() {
    return buffer;
  }

  ByteOrder order() {
    return buffer.order();
  }

  boolean contains(int tag) {
    return elements.containsKey(tag);
  }

  Element element(int tag) {
    return elements.get(tag);
  }

  int size() {
    return elements.size();
  }

  /** Every tag of this data set (not of its sequences' items), in ascending order. */
  List<Integer> tags() {
    return elements.keySet().stream().sorted(Integer::compareUnsigned).toList();
  }

  /** The items of a sequence; empty when absent or not a sequence. */
  List<DataSet> sequence(int tag) {
    Element e = elements.get(tag);
    return e == null || e.items() == null ? List.of() : e.items();
  }

  /** The first item of a sequence, if any. */
  Optional<DataSet> firstItem(int tag) {
    List<DataSet> items = sequence(tag);
    return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
  }

  /** A text value in the given character set, without padding; empty when absent or empty. */
  Optional<String> string(int tag, Charset charset) {
    Element e = elements.get(tag);
    if (e == null || e.length() == 0 || e.items() != null || e.fragments() != null) {
      return Optional.empty();
    }
    byte[] bytes = new byte[e.length()];
    buffer.get(e.offset(), bytes);
    String text = trimPadding(new String(bytes, charset));
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  /** A value of an ASCII VR (UI, CS, DS, IS, DA...). */
  Optional<String> string(int tag) {
    return string(tag, StandardCharsets.US_ASCII);
  }

  /** The backslash-separated values of a multi-valued string attribute. */
  List<String> strings(int tag) {
    return string(tag).map(s -> List.of(s.split("\\\\", -1))).orElse(List.of()).stream()
        .map(DataSet::trimPadding)
        .toList();
  }

  /** An unsigned 16-bit value (US); fails when the value is not exactly two bytes. */
  OptionalInt uint16(int tag) throws DicomFormatException {
    Element e = elements.get(tag);
    if (e == null || e.length() == 0) {
      return OptionalInt.empty();
    }
    if (e.length() != 2 || e.items() != null) {
      throw DicomFormatException.malformed(
          Tag.describe(tag) + " must be one 2-byte unsigned value, found " + e.length() + " bytes");
    }
    return OptionalInt.of(buffer.getShort(e.offset()) & 0xFFFF);
  }

  /** An Integer String (IS) value. */
  OptionalInt integerString(int tag) throws DicomFormatException {
    Optional<String> s = string(tag);
    if (s.isEmpty()) {
      return OptionalInt.empty();
    }
    String first = s.get().split("\\\\", -1)[0].strip();
    try {
      return OptionalInt.of(Integer.parseInt(first.startsWith("+") ? first.substring(1) : first));
    } catch (NumberFormatException e) {
      throw DicomFormatException.malformed(
          Tag.describe(tag) + " must be an integer string, found '" + first + "'");
    }
  }

  /** All values of a Decimal String (DS) attribute; empty when absent. */
  double[] decimals(int tag) throws DicomFormatException {
    List<String> values = strings(tag);
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      try {
        out[i] = Double.parseDouble(values.get(i));
      } catch (NumberFormatException e) {
        throw DicomFormatException.malformed(
            Tag.describe(tag) + " must be a decimal string, found '" + values.get(i) + "'");
      }
      if (!Double.isFinite(out[i])) {
        throw DicomFormatException.malformed(
            Tag.describe(tag) + " must be finite, found '" + values.get(i) + "'");
      }
    }
    return out;
  }

  /** The first value of a Decimal String attribute. */
  OptionalDouble decimal(int tag) throws DicomFormatException {
    double[] values = decimals(tag);
    return values.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(values[0]);
  }

  private static String trimPadding(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isPadding(s.charAt(start))) {
      start++;
    }
    while (end > start && isPadding(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isPadding(char c) {
    return c == ' ' || c == '\0';
  }
}
