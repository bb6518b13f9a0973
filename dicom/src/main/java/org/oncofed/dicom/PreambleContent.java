package org.oncofed.dicom;

/**
 * What the 128-byte preamble holds. The standard leaves it to applications (TIFF headers are
 * legitimate), but an executable header there makes the file a DICOM/executable polyglot, a known
 * malware carrier (CVE-2019-11687): such files are flagged and kept out of datasets.
 */
public enum PreambleContent {
  ABSENT,
  ZEROS,
  OTHER,
  PE_EXECUTABLE,
  ELF_EXECUTABLE;

  public boolean isExecutable() {
    return this == PE_EXECUTABLE || this == ELF_EXECUTABLE;
  }

  static PreambleContent classify(byte[] file) {
    if (file[0] == 'M' && file[1] == 'Z') {
      return PE_EXECUTABLE;
    }
    if (file[0] == 0x7F && file[1] == 'E' && file[2] == 'L' && file[3] == 'F') {
      return ELF_EXECUTABLE;
    }
    for (int i = 0; i < 128; i++) {
      if (file[i] != 0) {
        return OTHER;
      }
    }
    return ZEROS;
  }
}
