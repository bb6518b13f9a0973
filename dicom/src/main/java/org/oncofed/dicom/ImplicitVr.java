package org.oncofed.dicom;

import java.util.Map;

/**
 * VRs needed to parse Implicit VR data sets. Values are decoded by typed accessors that know what
 * they expect, so only structure matters here: which defined-length elements are sequences to
 * descend into. Elements not listed stay opaque byte ranges.
 */
final class ImplicitVr {

  private static final Map<Integer, Vr> KNOWN =
      Map.of(
          Tag.SHARED_FUNCTIONAL_GROUPS_SEQUENCE, Vr.SQ,
          Tag.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE, Vr.SQ,
          Tag.PIXEL_MEASURES_SEQUENCE, Vr.SQ,
          Tag.FRAME_VOI_LUT_SEQUENCE, Vr.SQ,
          Tag.PIXEL_VALUE_TRANSFORMATION_SEQUENCE, Vr.SQ,
          Tag.PIXEL_DATA, Vr.OW);

  private ImplicitVr() {}

  static Vr of(int tag) {
    return KNOWN.getOrDefault(tag, Vr.UN);
  }
}
