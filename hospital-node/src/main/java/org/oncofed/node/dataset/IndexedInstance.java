package org.oncofed.node.dataset;

import org.oncofed.common.TumourClass;

/**
 * One accepted DICOM instance in a registered dataset. UIDs are stored hashed and the patient as a
 * keyed hash ({@link PatientKeys}); the path is relative to the dataset root.
 *
 * @param contentSha256 SHA-256 of the file's bytes at registration, checked again when it is read
 */
public record IndexedInstance(
    String path,
    String sopInstanceHash,
    String seriesHash,
    String patientKey,
    String label,
    int frames,
    int rows,
    int columns,
    String contentSha256,
    long bytes) {

  public TumourClass tumourClass() {
    return TumourClass.fromLabel(label);
  }
}
