package org.oncofed.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files built to hurt a reader. Each must be refused with a specific reason, quickly, without
 * allocating more than the file's real size allows.
 */
class HostileInputTest {

  private static final String EXPLICIT_LE = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();
  private static final String RLE = TransferSyntax.RLE_LOSSLESS.uid();

  private final Part10Reader reader = new Part10Reader();

  @Test
  void rejectsElementWhoseDeclaredLengthRunsPastTheEndOfTheFile() {
    byte[] file = DicomBytes.part10(EXPLICIT_LE, DicomBytes.explicitLittle()
        .text(Tag.MODALITY, "CS", "CT")
        .header(Tag.PATIENT_NAME, "UT", 0x7FFF_FFF0L)
        .raw(new byte[16])
        .toBytes());

    assertRefused(() -> reader.readMetadata(file), DicomFormatException.Reason.TRUNCATED,
        "Patient's Name (0010,0010) at offset 246 declares 2147483632 bytes but only 16 remain in the file");
  }

  @Test
  void rejectsImageWhoseDimensionsThePixelDataCannotHold() {
    byte[] file = DicomBytes.part10(EXPLICIT_LE, DicomBytes.explicitLittle()
        .monochrome16(4000, 4000, 3, 12, false)
        .element(Tag.PIXEL_DATA, "OW", new byte[64])
        .toBytes());

    assertRefused(() -> reader.readImage(file), DicomFormatException.Reason.TRUNCATED,
        "Pixel Data holds 64 bytes but 4000x4000 x 3 frames x 1 samples at 16 bits need 96000000");
  }

  @Test
  void rejectsAbsurdDimensionsBeforeAllocatingAnything() {
    byte[] file = DicomBytes.part10(EXPLICIT_LE, DicomBytes.explicitLittle()
        .monochrome16(65535, 65535, 1000, 16, true)
        .element(Tag.PIXEL_DATA, "OW", new byte[64])
        .toBytes());

    assertRefused(() -> reader.readImage(file), DicomFormatException.Reason.LIMIT_EXCEEDED,
        "image of 65535x65535 x 1000 frames x 1 samples = 4294836225000 samples exceeds the limit of 314572800");
  }

  @Test
  void rejectsCompressedFrameThatClaimsAnImplausibleDecodedSize() {
    byte[] file = DicomBytes.part10(RLE, DicomBytes.explicitLittle()
        .monochrome16(4096, 4096, 1, 16, false)
        .header(Tag.PIXEL_DATA, "OB", DicomBytes.UNDEFINED)
        .item(0)
        .item(64).raw(new byte[64])
        .sequenceDelimiter()
        .toBytes());

    assertRefused(() -> reader.readImage(file), DicomFormatException.Reason.LIMIT_EXCEEDED,
        "frame 0 would decode 64 bytes into 33554432 (more than 4096 times larger): implausible");
  }

  @Test
  void rejectsUndefinedLengthSequenceThatNeverEnds() {
    DicomBytes ds = DicomBytes.explicitLittle()
        .header(Tag.SHARED_FUNCTIONAL_GROUPS_SEQUENCE, "SQ", DicomBytes.UNDEFINED)
        .item(DicomBytes.UNDEFINED)
        .text(Tag.MODALITY, "CS", "CT");

    assertRefused(() -> reader.readMetadata(DicomBytes.part10(EXPLICIT_LE, ds.toBytes())),
        DicomFormatException.Reason.TRUNCATED,
        "item with undefined length has no Item Delimitation Item before the end of the file");
  }

  @Test
  void rejectsUndefinedLengthPixelDataThatNeverEnds() {
    byte[] file = DicomBytes.part10(RLE, DicomBytes.explicitLittle()
        .monochrome16(2, 2, 1, 16, false)
        .header(Tag.PIXEL_DATA, "OB", DicomBytes.UNDEFINED)
        .item(0)
        .item(4).raw(new byte[4])
        .toBytes());

    assertRefused(() -> reader.readMetadata(file), DicomFormatException.Reason.TRUNCATED,
        "has no Sequence Delimitation Item before the end of the file");
  }

  @Test
  void rejectsSequencesNestedDeeperThanTheLimit() {
    DicomBytes ds = DicomBytes.explicitLittle();
    for (int i = 0; i < 100_000; i++) {
      ds.header(Tag.SHARED_FUNCTIONAL_GROUPS_SEQUENCE, "SQ", DicomBytes.UNDEFINED).item(DicomBytes.UNDEFINED);
    }

    assertRefused(() -> reader.readMetadata(DicomBytes.part10(EXPLICIT_LE, ds.toBytes())),
        DicomFormatException.Reason.LIMIT_EXCEEDED, "sequences nested deeper than 64 levels");
  }

  @Test
  void acceptsNestingUpToTheLimit() throws DicomFormatException {
    DicomBytes ds = DicomBytes.explicitLittle();
    for (int i = 0; i < 64; i++) {
      ds.header(Tag.SHARED_FUNCTIONAL_GROUPS_SEQUENCE, "SQ", DicomBytes.UNDEFINED).item(DicomBytes.UNDEFINED);
    }
    for (int i = 0; i < 64; i++) {
      ds.itemDelimiter().sequenceDelimiter();
    }
    ds.text(Tag.MODALITY, "CS", "CT");

    assertThat(reader.readMetadata(DicomBytes.part10(EXPLICIT_LE, ds.toBytes())).metadata().modality())
        .isEqualTo("CT");
  }

  @Test
  void flagsWindowsExecutableInThePreamble() throws DicomFormatException {
    byte[] preamble = new byte[128];
    preamble[0] = 'M';
    preamble[1] = 'Z';
    byte[] file = DicomBytes.part10(preamble, EXPLICIT_LE,
        DicomBytes.explicitLittle().text(Tag.MODALITY, "CS", "CT").toBytes());

    assertThat(reader.readMetadata(file).metadata().preamble()).isEqualTo(PreambleContent.PE_EXECUTABLE);
  }

  @Test
  void flagsElfExecutableInThePreamble() throws DicomFormatException {
    byte[] preamble = new byte[128];
    System.arraycopy(new byte[] {0x7F, 'E', 'L', 'F'}, 0, preamble, 0, 4);
    byte[] file = DicomBytes.part10(preamble, EXPLICIT_LE,
        DicomBytes.explicitLittle().text(Tag.MODALITY, "CS", "CT").toBytes());

    assertThat(reader.readMetadata(file).metadata().preamble()).isEqualTo(PreambleContent.ELF_EXECUTABLE);
    assertThat(reader.readMetadata(file).metadata().preamble().isExecutable()).isTrue();
  }

  @Test
  void rejectsTruncatedNativePixelData() {
    byte[] full = DicomBytes.part10(EXPLICIT_LE, DicomBytes.explicitLittle()
        .monochrome16(8, 8, 1, 16, false)
        .element(Tag.PIXEL_DATA, "OW", new byte[128])
        .toBytes());
    byte[] cut = java.util.Arrays.copyOf(full, full.length - 50);

    assertRefused(() -> reader.readImage(cut), DicomFormatException.Reason.TRUNCATED,
        "Pixel Data (7fe0,0010) at offset");
  }

  @Test
  void rejectsTruncatedFragment() {
    byte[] file = DicomBytes.part10(RLE, DicomBytes.explicitLittle()
        .monochrome16(2, 2, 1, 16, false)
        .header(Tag.PIXEL_DATA, "OB", DicomBytes.UNDEFINED)
        .item(0)
        .item(1000).raw(new byte[10])
        .toBytes());

    assertRefused(() -> reader.readMetadata(file), DicomFormatException.Reason.TRUNCATED,
        "declares 1000 bytes but only 10 remain in the file");
  }

  @Test
  void rejectsUnknownTransferSyntaxByItsUid() {
    byte[] file = DicomBytes.part10("1.2.3.4.5", DicomBytes.explicitLittle().toBytes());

    assertRefused(() -> reader.readMetadata(file), DicomFormatException.Reason.UNSUPPORTED,
        "unsupported transfer syntax: unknown (1.2.3.4.5)");
  }

  @Test
  void rejectsInvalidVr() {
    byte[] file = DicomBytes.part10(EXPLICIT_LE,
        DicomBytes.explicitLittle().raw(new byte[] {0x08, 0, 0x60, 0, 'z', 'z', 2, 0, 'C', 'T'}).toBytes());

    assertRefused(() -> reader.readMetadata(file), DicomFormatException.Reason.MALFORMED,
        "invalid VR 'zz' for Modality (0008,0060) at offset");
  }

  @Test
  void rejectsItemDelimiterOutsideAnItem() {
    byte[] file = DicomBytes.part10(EXPLICIT_LE, DicomBytes.explicitLittle().itemDelimiter().toBytes());

    assertRefused(() -> reader.readMetadata(file), DicomFormatException.Reason.MALFORMED,
        "unexpected Item Delimitation Item (fffe,e00d)");
  }

  @Test
  void rejectsRleHeaderWithWrongSegmentCount() {
    byte[] rle = new byte[64];
    rle[0] = 3;
    byte[] file = DicomBytes.part10(RLE, DicomBytes.explicitLittle()
        .monochrome16(2, 2, 1, 16, false)
        .header(Tag.PIXEL_DATA, "OB", DicomBytes.UNDEFINED)
        .item(0)
        .item(64).raw(rle)
        .sequenceDelimiter()
        .toBytes());

    assertRefused(() -> reader.readImage(file), DicomFormatException.Reason.MALFORMED,
        "frame 0: RLE header declares 3 segments, expected 2 (1 samples of 16 bits)");
  }

  @Test
  void rejectsTextThatIsNotDicom() {
    byte[] text = "#!/bin/sh\necho not an image\n".repeat(10).getBytes(StandardCharsets.US_ASCII);

    assertRefused(() -> reader.readMetadata(text), DicomFormatException.Reason.NOT_DICOM,
        "not a DICOM file");
  }

  @Test
  void refusesALargeFileThatIsNotDicomFromItsFirstBytes(@TempDir Path dir) throws IOException {
    Path zeros = dir.resolve("disk-image.dcm");
    try (RandomAccessFile file = new RandomAccessFile(zeros.toFile(), "rw")) {
      file.setLength(512L << 20);
    }

    assertRefused(() -> reader.readMetadata(zeros), DicomFormatException.Reason.NOT_DICOM,
        "not a DICOM file: no 'DICM' marker and the first bytes are not a data element (tag (0000,0000))");
  }

  @Test
  void refusesAFileAboveTheSizeLimitBeforeReadingIt(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.dcm");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(3L << 30);
    }

    assertRefused(() -> reader.readMetadata(big), DicomFormatException.Reason.LIMIT_EXCEEDED,
        "file is 3221225472 bytes, above the limit of 1073741824");
  }

  private static void assertRefused(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable read,
      DicomFormatException.Reason reason,
      String message) {
    assertThatThrownBy(read)
        .isInstanceOfSatisfying(DicomFormatException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining(message);
  }
}
