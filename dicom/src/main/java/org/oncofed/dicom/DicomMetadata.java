package org.oncofed.dicom;

import jakarta.annotation.Nullable;

/**
 * What a file says about itself, without patient identity (see {@link PatientIdentity}) and
 * without decoded pixels (see {@link DicomImage}).
 *
 * @param hasPixelData true when the file has a Pixel Data element (native or encapsulated)
 */
public record DicomMetadata(
    TransferSyntax transferSyntax,
    boolean transferSyntaxInferred,
    PreambleContent preamble,
    boolean hasFileMeta,
    @Nullable String sopClassUid,
    @Nullable String modality,
    @Nullable String manufacturer,
    @Nullable String convolutionKernel,
    InstanceUids uids,
    PixelModule pixelModule,
    boolean hasPixelData,
    ModalityLut modalityLut,
    VoiWindow window,
    @Nullable PixelSpacing pixelSpacing) {}
