package org.oncofed.dicom;

/** A parsed file: its metadata and, separately, who it is about. */
public record DicomFile(DicomMetadata metadata, PatientIdentity identity) {}
