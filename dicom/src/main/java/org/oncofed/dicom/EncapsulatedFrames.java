package org.oncofed.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups the fragments of encapsulated pixel data into frames (PS3.5 A.4): one frame takes all
 * fragments; as many fragments as frames map one to one; otherwise the Basic Offset Table says
 * where frames start, or, when it is empty, each frame starts with its codestream's start marker.
 */
final class EncapsulatedFrames {

  private EncapsulatedFrames() {}

  static List<ByteBuffer> split(
      ByteBuffer buffer, Element.Fragments encapsulated, int frames, TransferSyntax syntax)
      throws DicomFormatException {
    List<Element.Region> fragments = encapsulated.fragments();
    if (fragments.size() < frames) {
      throw DicomFormatException.malformed(
          "Pixel Data has " + fragments.size() + " fragments for " + frames
              + " frames (each frame needs at least one)");
    }
    List<List<Element.Region>> groups;
    if (frames == 1) {
      groups = List.of(fragments);
    } else if (fragments.size() == frames) {
      groups = fragments.stream().map(List::of).toList();
    } else if (encapsulated.offsetTable().length() > 0) {
      groups = byOffsetTable(buffer, encapsulated, frames);
    } else {
      groups = byStartMarker(buffer, fragments, frames, syntax);
    }
    List<ByteBuffer> out = new ArrayList<>(frames);
    for (List<Element.Region> group : groups) {
      out.add(concatenate(buffer, group));
    }
    return out;
  }

  private static List<List<Element.Region>> byOffsetTable(
      ByteBuffer buffer, Element.Fragments encapsulated, int frames) throws DicomFormatException {
    Element.Region table = encapsulated.offsetTable();
    if (table.length() != 4L * frames) {
      throw DicomFormatException.malformed(
          "Basic Offset Table has " + table.length() / 4 + " entries for " + frames + " frames");
    }
    List<Element.Region> fragments = encapsulated.fragments();
    // Offsets count from the first fragment's item header, 8 bytes before its value.
    int base = fragments.get(0).offset() - 8;
    List<List<Element.Region>> groups = new ArrayList<>();
    int next = 0;
    ByteBuffer little = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    for (int f = 0; f < frames; f++) {
      long start = little.getInt(table.offset() + 4 * f) & 0xFFFFFFFFL;
      long end = f + 1 < frames
          ? little.getInt(table.offset() + 4 * (f + 1)) & 0xFFFFFFFFL
          : Long.MAX_VALUE;
      if (next >= fragments.size() || fragments.get(next).offset() - 8 - base != start) {
        throw DicomFormatException.malformed(
            "Basic Offset Table entry " + f + " (" + start + ") is not at a fragment boundary");
      }
      List<Element.Region> group = new ArrayList<>();
      while (next < fragments.size() && fragments.get(next).offset() - 8 - base < end) {
        group.add(fragments.get(next++));
      }
      groups.add(group);
    }
    return groups;
  }

  private static List<List<Element.Region>> byStartMarker(
      ByteBuffer buffer, List<Element.Region> fragments, int frames, TransferSyntax syntax)
      throws DicomFormatException {
    List<List<Element.Region>> groups = new ArrayList<>();
    for (Element.Region fragment : fragments) {
      if (groups.isEmpty() || startsCodestream(buffer, fragment, syntax)) {
        groups.add(new ArrayList<>());
      }
      groups.get(groups.size() - 1).add(fragment);
    }
    if (groups.size() != frames) {
      throw DicomFormatException.malformed(
          "cannot split " + fragments.size() + " fragments into " + frames
              + " frames: the offset table is empty and " + groups.size()
              + " fragments start a codestream");
    }
    return groups;
  }

  private static boolean startsCodestream(
      ByteBuffer buffer, Element.Region fragment, TransferSyntax syntax) {
    if (fragment.length() < 2) {
      return false;
    }
    int first = buffer.get(fragment.offset()) & 0xFF;
    int second = buffer.get(fragment.offset() + 1) & 0xFF;
    return switch (syntax.codec()) {
      case JPEG -> first == 0xFF && second == 0xD8;
      case JPEG_2000 -> (first == 0xFF && second == 0x4F) || (first == 0x00 && second == 0x00);
      default -> false;
    };
  }

  private static ByteBuffer concatenate(ByteBuffer buffer, List<Element.Region> group) {
    if (group.size() == 1) {
      Element.Region r = group.get(0);
      return buffer.slice(r.offset(), r.length()).order(buffer.order());
    }
    int total = group.stream().mapToInt(Element.Region::length).sum();
    byte[] bytes = new byte[total];
    int at = 0;
    for (Element.Region r : group) {
      buffer.get(r.offset(), bytes, at, r.length());
      at += r.length();
    }
    return ByteBuffer.wrap(bytes).order(buffer.order());
  }
}
