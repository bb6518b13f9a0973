package org.oncofed.dicom;

import java.nio.file.Path;

/**
 * Reads DICOM files. Implementations never throw anything but {@link DicomFormatException} for a
 * bad or unreadable file, and bound the memory they use by the file's real size and their limits.
 */
public interface DicomReader {

  /**
   * Parses the whole file structure and its attributes. Pixel Data is located and its lengths are
   * checked against the file, but not decoded.
   */
  DicomFile readMetadata(Path file) throws DicomFormatException;

  /** Parses the file and decodes every frame of its pixel data. */
  DicomImage readImage(Path file) throws DicomFormatException;

  /**
   * What the file still holds that de-identification is about (see {@link DeidentificationFindings});
   * pixels are not decoded.
   */
  DeidentificationFindings readDeidentificationFindings(Path file) throws DicomFormatException;

  /** {@link #readMetadata(Path)} for a file already in memory. */
  DicomFile readMetadata(byte[] bytes) throws DicomFormatException;

  /** {@link #readImage(Path)} for a file already in memory. */
  DicomImage readImage(byte[] bytes) throws DicomFormatException;
}
