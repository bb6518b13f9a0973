package org.oncofed.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Walks a data set and its sequences for {@link DeidentificationFindings}. */
final class DeidentificationScan {

  private static final int BURNED_IN_ANNOTATION = 0x00280301;
  private static final int RECOGNIZABLE_VISUAL_FEATURES = 0x00280302;
  private static final int PATIENT_IDENTITY_REMOVED = 0x00120062;
  /** Value representations whose value is text, so that a value of padding alone is no value. */
  private static final Set<Vr> TEXT = EnumSet.of(Vr.AE, Vr.AS, Vr.CS, Vr.DA, Vr.DS, Vr.DT, Vr.IS, Vr.LO,
      Vr.LT, Vr.PN, Vr.SH, Vr.ST, Vr.TM, Vr.UC, Vr.UI, Vr.UR, Vr.UT);

  private final ConfidentialityProfile profile = ConfidentialityProfile.basic();
  private final int maxDepth;
  private final List<DeidentificationFindings.Finding> profileAttributes = new ArrayList<>();
  private final List<DeidentificationFindings.Finding> privateAttributes = new ArrayList<>();
  private final List<DeidentificationFindings.Finding> dates = new ArrayList<>();

  private DeidentificationScan(int maxDepth) {
    this.maxDepth = maxDepth;
  }

  static DeidentificationFindings scan(DataSet dataSet, int maxDepth) {
    DeidentificationScan scan = new DeidentificationScan(maxDepth);
    scan.walk(dataSet, "");
    return new DeidentificationFindings(List.copyOf(scan.profileAttributes), List.copyOf(scan.privateAttributes),
        List.copyOf(scan.dates), dataSet.string(BURNED_IN_ANNOTATION).orElse(""),
        dataSet.string(RECOGNIZABLE_VISUAL_FEATURES).orElse(""), dataSet.string(PATIENT_IDENTITY_REMOVED).orElse(""));
  }

  private void walk(DataSet dataSet, String prefix) {
    for (int tag : dataSet.tags()) {
      Element element = dataSet.element(tag);
      String path = prefix + String.format("%08X", tag);
      if (carriesValue(dataSet, element)) {
        classify(tag, element, path);
      }
      List<DataSet> items = items(dataSet, element);
      for (int i = 0; i < items.size(); i++) {
        walk(items.get(i), path + "[" + i + "]/");
      }
    }
  }

  /** A sequence's items, also of one that implicit VR left as UN but whose value is items. */
  private List<DataSet> items(DataSet dataSet, Element element) {
    if (element.isSequence()) {
      return element.items();
    }
    ByteBuffer buffer = dataSet.buffer();
    if (element.vr() != Vr.UN || element.length() < 8 || buffer.order() != ByteOrder.LITTLE_ENDIAN
        || ((buffer.getShort(element.offset()) & 0xFFFF) << 16 | buffer.getShort(element.offset() + 2) & 0xFFFF) != Tag.ITEM) {
      return List.of();
    }
    try {
      return DataSetParser.parseItems(dataSet.buffer(), element.tag(), element.offset(), element.length(), maxDepth);
    } catch (DicomFormatException e) {
      // Bytes that only began like an item: an opaque value, as the reader took it.
      return List.of();
    }
  }

  private void classify(int tag, Element element, String path) {
    if ((Tag.group(tag) & 1) == 1) {
      privateAttributes.add(new DeidentificationFindings.Finding(path, tag, Tag.format(tag), "X", false));
      return;
    }
    Optional<ConfidentialityProfile.Attribute> row = profile.attribute(tag);
    row.ifPresent(attribute -> profileAttributes.add(
        new DeidentificationFindings.Finding(path, tag, attribute.name(), attribute.action(), attribute.direct())));
    if (profile.isDate(tag, element.vr())) {
      dates.add(new DeidentificationFindings.Finding(path, tag, row.map(ConfidentialityProfile.Attribute::name)
          .orElse(Tag.format(tag)), row.map(ConfidentialityProfile.Attribute::action).orElse(""), false));
    }
  }

  private static boolean carriesValue(DataSet dataSet, Element element) {
    if (element.isSequence()) {
      return !element.items().isEmpty();
    }
    if (element.isEncapsulated()) {
      return true;
    }
    if (element.length() == 0) {
      return false;
    }
    if (!TEXT.contains(element.vr())) {
      return true;
    }
    byte[] bytes = new byte[element.length()];
    dataSet.buffer().get(element.offset(), bytes);
    return !new String(bytes, StandardCharsets.ISO_8859_1).replace('\0', ' ').isBlank();
  }
}
