package org.oncofed.dicom;

/** Summary of an image's values after the modality LUT. */
public record PixelStatistics(double min, double max, double mean) {}
