package org.oncofed.dicom;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a data set's Pixel Data into a {@link PixelArray}: validates the pixel module, checks that
 * the declared image fits the bytes actually present and its {@link DecodeBudget} before
 * allocating, decodes frame by frame, then masks every value to Bits Stored and sign-extends it.
 */
final class PixelDataDecoder {

  private PixelDataDecoder() {}

  /** @param heldBytes what the read already holds: the file and any inflated data set */
  static PixelArray decode(
      DataSet dataSet, DicomMetadata metadata, long heldBytes, ReaderLimits limits)
      throws DicomFormatException {
    Element pixelData = dataSet.element(Tag.PIXEL_DATA);
    if (pixelData == null) {
      if (dataSet.contains(Tag.FLOAT_PIXEL_DATA) || dataSet.contains(Tag.DOUBLE_FLOAT_PIXEL_DATA)) {
        throw DicomFormatException.unsupported("floating-point pixel data is not supported");
      }
      throw new DicomFormatException(DicomFormatException.Reason.NO_PIXEL_DATA, "file has no Pixel Data");
    }
    TransferSyntax syntax = metadata.transferSyntax();
    FrameDecoder decoder = FrameDecoders.forSyntax(syntax);
    PixelFormat format = PixelFormat.of(metadata.pixelModule());
    DecodeBudget.checkSamples(format, limits);
    List<ByteBuffer> frames = syntax.encapsulated()
        ? encapsulatedFrames(dataSet.buffer(), pixelData, format, syntax, limits)
        : nativeFrames(dataSet.buffer(), pixelData, format, syntax);
    DecodeBudget.checkMemory(
        format, heldBytes, syntax.encapsulated() ? frames : List.of(), limits);

    int perFrame = (int) format.samplesPerFrame();
    int[] samples = new int[(int) format.totalSamples()];
    for (int f = 0; f < frames.size(); f++) {
      decoder.decode(frames.get(f), format, f, samples, f * perFrame);
    }
    maskToBitsStored(samples, format);
    return new PixelArray(format, samples);
  }

  private static List<ByteBuffer> nativeFrames(
      ByteBuffer buffer, Element pixelData, PixelFormat format, TransferSyntax syntax)
      throws DicomFormatException {
    if (pixelData.isEncapsulated()) {
      throw DicomFormatException.malformed(
          "Pixel Data is encapsulated but " + syntax.displayName() + " is a native transfer syntax");
    }
    long frameBytes = format.nativeFrameBytes();
    long needed = frameBytes * format.frames();
    if (pixelData.length() < needed) {
      throw DicomFormatException.truncated(
          "Pixel Data holds " + pixelData.length() + " bytes but " + format.columns() + "x"
              + format.rows() + " x " + format.frames() + " frames x " + format.samplesPerPixel()
              + " samples at " + format.bitsAllocated() + " bits need " + needed);
    }
    List<ByteBuffer> frames = new ArrayList<>(format.frames());
    for (int f = 0; f < format.frames(); f++) {
      frames.add(buffer.slice(pixelData.offset() + (int) (f * frameBytes), (int) frameBytes)
          .order(buffer.order()));
    }
    return frames;
  }

  private static List<ByteBuffer> encapsulatedFrames(
      ByteBuffer buffer, Element pixelData, PixelFormat format, TransferSyntax syntax,
      ReaderLimits limits) throws DicomFormatException {
    if (!pixelData.isEncapsulated()) {
      throw DicomFormatException.malformed(
          "Pixel Data must be encapsulated for " + syntax.displayName() + ", found a native value");
    }
    List<ByteBuffer> frames =
        EncapsulatedFrames.split(buffer, pixelData.fragments(), format.frames(), syntax);
    for (int f = 0; f < frames.size(); f++) {
      DecodeBudget.checkFrame(f, frames.get(f).limit(), format, limits);
    }
    return frames;
  }

  private static void maskToBitsStored(int[] samples, PixelFormat format) {
    int bits = format.bitsStored();
    if (bits == 32) {
      return;
    }
    int mask = (1 << bits) - 1;
    int signBit = 1 << (bits - 1);
    boolean signed = format.signed();
    for (int i = 0; i < samples.length; i++) {
      int v = samples[i] & mask;
      samples[i] = signed && (v & signBit) != 0 ? v | ~mask : v;
    }
  }
}
