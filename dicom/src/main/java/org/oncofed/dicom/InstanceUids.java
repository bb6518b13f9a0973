package org.oncofed.dicom;

import jakarta.annotation.Nullable;

/**
 * Study, series and instance UIDs. They identify an examination in the hospital's archive, so they
 * are shown only on request and hashed before they go into anything that could leave the site.
 */
public record InstanceUids(
    @Nullable String studyInstanceUid,
    @Nullable String seriesInstanceUid,
    @Nullable String sopInstanceUid) {}
