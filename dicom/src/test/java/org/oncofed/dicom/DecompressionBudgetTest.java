package org.oncofed.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every decompression is bounded by what the file declares: deflate bombs, RLE, JPEG and JPEG 2000
 * frames that expand far beyond their declared image, and images that need more memory than one
 * file may hold, are each refused with their reason, quickly, having allocated little. The
 * allocation bounds fail by hundreds of megabytes when a guard is removed.
 */
class DecompressionBudgetTest {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final Duration QUICKLY = Duration.ofSeconds(10);
  private static final long MIB = 1 << 20;

  private final Part10Reader reader = new Part10Reader();

  @Test
  void refusesADeflateBombOncePastWhatItsDeclaredImageCanNeed() {
    byte[] file = HostileFiles.deflateBomb(8, 8, 0xFFFF_FFFEL);

    Refusal refusal = refuse(() -> reader.readMetadata(file));

    assertThat(file.length).isLessThan(5 << 20);
    refusal.is(DicomFormatException.Reason.LIMIT_EXCEEDED,
        "deflated data set inflates beyond 33554560 bytes, the most a data set declaring 8x8 x 1"
            + " frames x 1 samples at 16 bits may need (128 bytes of pixel data and 33554432 of"
            + " other attributes)");
    refusal.allocatedAtMost(100 * MIB);
  }

  @Test
  void refusesADeflatedDataSetPastItsAttributeAllowanceWithoutAnImage() {
    byte[] file = HostileFiles.deflatedWithoutImage(1L << 30);

    Refusal refusal = refuse(() -> reader.readMetadata(file));

    refusal.is(DicomFormatException.Reason.LIMIT_EXCEEDED,
        "deflated data set inflates beyond 33554432 bytes without declaring an image (Rows,"
            + " Columns, Samples per Pixel, Bits Allocated) that could need more");
    refusal.allocatedAtMost(100 * MIB);
  }

  @Test
  void refusesADeflatedImageLargerThanOneFileMayHoldBeforeInflatingIt() {
    byte[] file = HostileFiles.deflatedImage(16384, 16384);
    Part10Reader reader = new Part10Reader(limits(32 * MIB, 64 * MIB));

    Refusal refusal = refuse(() -> reader.readMetadata(file));

    refusal.is(DicomFormatException.Reason.LIMIT_EXCEEDED,
        "inflating a data set that declares 16384x16384 x 1 frames x 1 samples at 16 bits needs"
            + " 513 MiB, more than the 64 MiB one file may hold");
    refusal.allocatedAtMost(100 * MIB);
  }

  @Test
  void refusesADeflatedImageWhosePixelsAloneExceedTheInflatedLimit() {
    Part10Reader reader = new Part10Reader(
        new ReaderLimits(1L << 30, 4 * MIB, MIB, 64, 300L << 20, 4096, 1L << 30));

    byte[] file = HostileFiles.deflatedImage(2048, 2048);

    Refusal refusal = refuse(() -> reader.readMetadata(file));

    refusal.is(DicomFormatException.Reason.LIMIT_EXCEEDED,
        "deflated data set declares 2048x2048 x 1 frames x 1 samples at 16 bits = 8388608 bytes"
            + " of pixel data, above the limit of 4194304 bytes for an inflated data set");
  }

  @Test
  void refusesADeflatedDataSetPastTheInflatedLimitEvenWithinItsDeclaration() {
    Part10Reader reader = new Part10Reader(
        new ReaderLimits(1L << 30, 4 * MIB, MIB, 64, 300L << 20, 4096, 1L << 30));

    byte[] file = HostileFiles.deflateBomb(1024, 1600, 64 * MIB);

    Refusal refusal = refuse(() -> reader.readMetadata(file));

    refusal.is(DicomFormatException.Reason.LIMIT_EXCEEDED,
        "deflated data set inflates beyond the limit of 4194304 bytes");
  }

  @Test
  void readsADeflatedImageLargerThanTheAttributeAllowance() throws DicomFormatException {
    Part10Reader reader = new Part10Reader(limits(MIB, 1L << 30));

    DicomImage image = reader.readImage(HostileFiles.deflatedImage(1024, 1024));

    assertThat(image.pixels().sampleCount()).isEqualTo(1024 * 1024);
    assertThat(image.pixels().statistics(ModalityLut.NONE).max()).isZero();
  }

  @Test
  void refusesAnRleSegmentThatDecodesBeyondItsFrame() {
    byte[] file = HostileFiles.rleBomb(64 << 20);

    Refusal refusal = refuse(() -> reader.readImage(file));

    refusal.is(DicomFormatException.Reason.LIMIT_EXCEEDED,
        "frame 0: RLE segment 0 decodes to 67108928 bytes, expected 64 (one per pixel, plus at"
            + " most 8 of padding)");
    refusal.allocatedAtMost(file.length + 16 * MIB);
  }

  @Test
  void acceptsAnRleSegmentPaddedByOneRowAndRefusesOneByteMore() throws DicomFormatException {
    byte[] padded = {-63, 5, -7, 0};
    byte[] overlong = {-63, 5, -8, 0};

    PixelArray pixels = reader.readImage(HostileFiles.rle8x8(padded)).pixels();

    assertThat(pixels.storedValue(0)).isEqualTo(0x0505);
    assertThat(pixels.storedValue(63)).isEqualTo(0x0505);
    refuse(() -> reader.readImage(HostileFiles.rle8x8(overlong)))
        .is(DicomFormatException.Reason.LIMIT_EXCEEDED, "decodes to 73 bytes, expected 64");
  }

  @Test
  void refusesAJpegWhoseFrameHeaderIsLargerThanTheDeclaredImage() {
    byte[] file = HostileFiles.jpegLargerThanDeclared();

    Refusal refusal = refuse(() -> reader.readImage(file));

    refusal.is(DicomFormatException.Reason.MALFORMED,
        "frame 0: JPEG codestream is 65535x65535 but the data set says 8x8");
    refusal.allocatedAtMost(16 * MIB);
  }

  @Test
  void refusesAJpeg2000CodestreamLargerThanTheDeclaredImage() {
    byte[] file = HostileFiles.encapsulated8(
        TransferSyntax.JPEG_2000_LOSSLESS, 256, 256, Codestreams.jpeg2000(512, 512));

    refuse(() -> reader.readImage(file)).is(DicomFormatException.Reason.MALFORMED,
        "frame 0: JPEG 2000 codestream is 512x512 but the data set says 256x256");
  }

  @Test
  void refusesAJpeg2000CodestreamDeclaringOneSamplePrecincts() {
    byte[] file = HostileFiles.jpeg2000OneSamplePrecincts();

    Refusal refusal = refuse(() -> reader.readImage(file));

    refusal.is(DicomFormatException.Reason.LIMIT_EXCEEDED,
        "precincts, more than the 4096 a 512x512 frame of 1 samples per pixel may have");
    refusal.allocatedAtMost(16 * MIB);
  }

  @Test
  void refusesAJpeg2000CodestreamDeclaringOneSampleTiles() {
    byte[] file = HostileFiles.jpeg2000OneSampleTiles();

    Refusal refusal = refuse(() -> reader.readImage(file));

    refusal.is(DicomFormatException.Reason.LIMIT_EXCEEDED,
        "frame 0: JPEG 2000 codestream declares at least 262144 tiles, more than the 4096 a"
            + " 512x512 frame of 1 samples per pixel may have");
    refusal.allocatedAtMost(16 * MIB);
  }

  @Test
  void refusesAJpeg2000CodestreamDeclaringThousandsOfLayers() {
    byte[] file = HostileFiles.jpeg2000ManyLayers();

    Refusal refusal = refuse(() -> reader.readImage(file));

    refusal.is(DicomFormatException.Reason.LIMIT_EXCEEDED,
        "code-blocks x quality layers, more than the 262144 a 512x512 frame of 1 samples per pixel"
            + " may have");
    refusal.allocatedAtMost(16 * MIB);
  }

  @Test
  void decodesAJpeg2000CodestreamAsItsEncoderWroteIt() throws DicomFormatException {
    PixelArray pixels = reader.readImage(HostileFiles.jpeg2000(512, 512)).pixels();

    assertThat(pixels.storedValue(0)).isZero();
    assertThat(pixels.storedValue(511)).isEqualTo(255);
    assertThat(pixels.storedValue(512 * 100 + 7)).isEqualTo(107);
  }

  @Test
  void decodesAJpeg2000FrameWrappedInAJp2File() throws DicomFormatException {
    byte[] file = HostileFiles.encapsulated8(
        TransferSyntax.JPEG_2000_LOSSLESS, 64, 64, Codestreams.jp2(64, 64));

    PixelArray pixels = reader.readImage(file).pixels();

    assertThat(pixels.storedValue(64 * 10 + 5)).isEqualTo(15);
  }

  @Test
  void refusesAnImageWhoseDecodingNeedsMoreThanOneFileMayHold() {
    byte[] file = DicomBytes.part10(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(),
        DicomBytes.explicitLittle()
            .monochrome16(1024, 1024, 1, 16, false)
            .element(Tag.PIXEL_DATA, "OW", new byte[2 << 20])
            .toBytes());
    Part10Reader reader = new Part10Reader(limits(32 * MIB, 4 * MIB));

    Refusal refusal = refuse(() -> reader.readImage(file));

    refusal.is(DicomFormatException.Reason.LIMIT_EXCEEDED,
        "decoding 1024x1024 x 1 frames x 1 samples at 16 bits needs 7 MiB, more than the 4 MiB"
            + " one file may hold");
    refusal.allocatedAtMost(MIB);
  }

  @Test
  void refusesAFileLargerThanOneFileMayHoldBeforeReadingIt(@TempDir Path dir) throws IOException {
    Path big = Files.write(dir.resolve("big.dcm"), DicomBytes.part10(
        TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), new byte[0]));
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(8 * MIB);
    }
    Part10Reader reader = new Part10Reader(limits(MIB, 4 * MIB));

    Refusal refusal = refuse(() -> reader.readMetadata(big));

    refusal.is(DicomFormatException.Reason.LIMIT_EXCEEDED,
        "reading the file needs 8 MiB, more than the 4 MiB one file may hold");
    refusal.allocatedAtMost(MIB);
  }

  @Test
  void refusesADeflatedDataSetCutShort() {
    byte[] whole = HostileFiles.deflatedImage(64, 64);
    byte[] cut = Arrays.copyOf(whole, whole.length - 20);

    refuse(() -> reader.readMetadata(cut)).is(DicomFormatException.Reason.TRUNCATED,
        "deflated data set ends before its end-of-stream marker");
  }

  /** Default limits but for the attribute allowance and the memory one file may hold. */
  private static ReaderLimits limits(long maxAttributeBytes, long maxMemoryBytes) {
    ReaderLimits d = ReaderLimits.DEFAULT;
    return new ReaderLimits(d.maxFileBytes(), d.maxInflatedBytes(), maxAttributeBytes,
        d.maxSequenceDepth(), d.maxDecodedSamples(), d.maxCompressionRatio(), maxMemoryBytes);
  }

  /** A read that must fail, with what it cost this thread. */
  private static Refusal refuse(ThrowingCallable read) {
    long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
    long start = System.nanoTime();
    Throwable thrown = catchThrowable(read);
    Duration time = Duration.ofNanos(System.nanoTime() - start);
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
    assertThat(thrown).isInstanceOf(DicomFormatException.class);
    assertThat(time).as("time to refuse").isLessThan(QUICKLY);
    return new Refusal((DicomFormatException) thrown, allocated);
  }

  private record Refusal(DicomFormatException error, long allocatedBytes) {

    Refusal is(DicomFormatException.Reason reason, String message) {
      assertThat(error.reason()).as(error.getMessage()).isEqualTo(reason);
      assertThat(error).hasMessageContaining(message);
      return this;
    }

    void allocatedAtMost(long bytes) {
      assertThat(allocatedBytes).as("bytes allocated to refuse: " + error.getMessage())
          .isLessThanOrEqualTo(bytes);
    }
  }
}
