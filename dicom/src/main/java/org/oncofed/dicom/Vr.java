package org.oncofed.dicom;

/** DICOM value representations (PS3.5 6.2) and how each is encoded in an explicit VR header. */
public enum Vr {
  AE, AS, AT, CS, DA, DS, DT, FD, FL, IS, LO, LT, OB, OD, OF, OL, OV, OW, PN, SH, SL, SQ, SS, ST, SV,
  TM, UC, UI, UL, UN, UR, US, UT, UV;

  /**
   * True when an explicit VR header has two reserved bytes and a 32-bit length (PS3.5 7.1.2);
   * the other VRs have a 16-bit length.
   */
  public boolean hasLongLength() {
    return switch (this) {
      case OB, OD, OF, OL, OV, OW, SQ, SV, UC, UN, UR, UT, UV -> true;
      default -> false;
    };
  }

  /** The VR spelled by two header bytes, or null when they spell none. */
  static Vr of(int first, int second) {
    if (first < 'A' || first > 'Z' || second < 'A' || second > 'Z') {
      return null;
    }
    try {
      return valueOf(new String(new char[] {(char) first, (char) second}));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
