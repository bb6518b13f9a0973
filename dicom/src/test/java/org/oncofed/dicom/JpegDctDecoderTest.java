package org.oncofed.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 12-bit DCT decoder, on the Enhanced CT sample compressed with JPEG Extended (process 4). */
class JpegDctDecoderTest {

  private static final String SAMPLE = "CT0012.fragmented_no_bot_jpeg_baseline.51.dcm";

  @Test
  void decodesTwelveBitJpegBitForBitAsLibjpegDoes() throws Exception {
    SampleManifest.Row row = SampleManifest.rows().stream()
        .filter(r -> r.file().equals(SAMPLE)).findFirst().orElseThrow();

    PixelArray pixels = new Part10Reader().readImage(row.path()).pixels();

    // The manifest only requires approximate agreement for lossy JPEG; the IJG integer IDCT gives exact.
    assertThat(pixels.canonicalSha256()).isEqualTo(row.get("sha256"));
  }

  @Test
  void refusesAScanCutShort() throws Exception {
    byte[] frame = firstFrame();
    byte[] cut = Arrays.copyOf(frame, frame.length / 2);
    PixelFormat format = new PixelFormat(512, 512, 1, 1, 16, 12, 11, false, "MONOCHROME2", 0);

    assertThatThrownBy(() -> JpegDctDecoder.decode(cut, format, 0, new int[512 * 512], 0))
        .isInstanceOf(DicomFormatException.class)
        .hasMessage("frame 0: JPEG scan data ends before its last block (truncated or corrupt)");
  }

  @Test
  void refusesAFrameWhoseSizeDiffersFromTheDataSet() throws Exception {
    byte[] frame = firstFrame();
    PixelFormat format = new PixelFormat(256, 512, 1, 1, 16, 12, 11, false, "MONOCHROME2", 0);

    assertThatThrownBy(() -> JpegDctDecoder.decode(frame, format, 0, new int[256 * 512], 0))
        .hasMessage("frame 0: JPEG codestream is 512x512 but the data set says 512x256");
  }

  private static byte[] firstFrame() throws IOException, DicomFormatException {
    byte[] file = Files.readAllBytes(SampleManifest.folder().resolve(SAMPLE));
    Part10Header header = Part10Header.read(file, ReaderLimits.DEFAULT);
    ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    DataSet dataSet = DataSetParser.parse(buffer, header.dataSetStart(), true, 64);
    List<ByteBuffer> frames = EncapsulatedFrames.split(buffer, dataSet.element(Tag.PIXEL_DATA).fragments(), 2,
        TransferSyntax.JPEG_EXTENDED);
    byte[] bytes = new byte[frames.get(0).limit()];
    frames.get(0).get(0, bytes);
    return bytes;
  }
}
