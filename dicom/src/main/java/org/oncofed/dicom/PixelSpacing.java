package org.oncofed.dicom;

/** Physical distance between pixel centres in millimetres (row spacing, then column spacing). */
public record PixelSpacing(double row, double column) {}
