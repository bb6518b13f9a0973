package org.oncofed.dicom;

/** Chooses the frame decoder for a transfer syntax; syntaxes without one are refused by name. */
final class FrameDecoders {

  private static final FrameDecoder NATIVE = new NativeFrameDecoder();
  private static final FrameDecoder RLE = new RleFrameDecoder();
  private static final FrameDecoder JPEG = new JpegFrameDecoder();
  private static final FrameDecoder JPEG_2000 = new Jpeg2000FrameDecoder();

  private FrameDecoders() {}

  static FrameDecoder forSyntax(TransferSyntax syntax) throws DicomFormatException {
    return switch (syntax.codec()) {
      case NATIVE -> NATIVE;
      case RLE -> RLE;
      case JPEG -> JPEG;
      case JPEG_2000 -> JPEG_2000;
      case NONE -> throw DicomFormatException.unsupported(syntax.unsupportedMessage());
    };
  }
}
