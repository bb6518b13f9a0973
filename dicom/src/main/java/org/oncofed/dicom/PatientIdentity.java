package org.oncofed.dicom;

import jakarta.annotation.Nullable;

/**
 * Patient-identifying attributes, kept apart from everything else a file yields. Shown only when
 * an operator asks for them ({@code --show-phi}); {@link #toString()} is redacted so that no log
 * line or exception message can carry them by accident.
 */
public record PatientIdentity(
    @Nullable String patientName,
    @Nullable String patientId,
    @Nullable String birthDate,
    @Nullable String sex,
    @Nullable String age,
    @Nullable String otherPatientIds,
    @Nullable String accessionNumber,
    @Nullable String studyDate,
    @Nullable String studyId,
    @Nullable String institutionName,
    @Nullable String referringPhysicianName) {

  @Override
  public String toString() {
    return "PatientIdentity[redacted]";
  }
}
