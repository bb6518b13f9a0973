package org.oncofed.dicom;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Supplier;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes a frame with an ImageIO reader (TwelveMonkeys JPEG, jai-imageio JPEG 2000). The
 * codestream's own dimensions are checked against the data set before anything is decoded, so
 * the codec never allocates for a size the DICOM limits have not already accepted. {@code
 * readRaster} is used because it returns samples as coded, without colour conversion.
 */
final class ImageIoFrameDecoder implements FrameDecoder {

  private final String codecName;
  private final Supplier<ImageReader> readers;

  ImageIoFrameDecoder(String codecName, Supplier<ImageReader> readers) {
    this.codecName = codecName;
    this.readers = readers;
  }

  @Override
  public void decode(ByteBuffer frame, PixelFormat format, int frameIndex, int[] out, int offset)
      throws DicomFormatException {
    byte[] bytes = new byte[frame.limit()];
    frame.get(0, bytes);
    ImageReader reader = readers.get();
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if (width != format.columns() || height != format.rows()) {
        throw DicomFormatException.malformed(
            "frame " + frameIndex + ": " + codecName + " codestream is " + width + "x" + height
                + " but the data set says " + format.columns() + "x" + format.rows());
      }
      Raster raster = reader.readRaster(0, null);
      if (raster.getNumBands() != format.samplesPerPixel()) {
        throw DicomFormatException.malformed(
            "frame " + frameIndex + ": " + codecName + " codestream has " + raster.getNumBands()
                + " components but Samples per Pixel is " + format.samplesPerPixel());
      }
      int[] samples =
          raster.getPixels(raster.getMinX(), raster.getMinY(), width, height, (int[]) null);
      System.arraycopy(samples, 0, out, offset, samples.length);
    } catch (IOException | RuntimeException e) {
      throw DicomFormatException.malformed(
          "frame " + frameIndex + ": " + codecName + " decoder failed: " + describe(e));
    } catch (Error e) {
      // JJ2000 signals some corrupt codestreams with java.lang.Error; the VM's own errors pass.
      if (e instanceof VirtualMachineError) {
        throw e;
      }
      throw DicomFormatException.malformed(
          "frame " + frameIndex + ": " + codecName + " decoder failed: " + describe(e));
    } finally {
      reader.dispose();
    }
  }

  private static String describe(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
