package org.oncofed.dicom;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * OncoFed's DICOM Part 10 reader: preamble and File Meta (or none), the four native encodings plus
 * Deflate, and the codecs chosen by {@link FrameDecoders}. Memory is bounded by the file's size,
 * what it declares and {@link ReaderLimits}, checked before each large allocation; everything that
 * goes wrong becomes a {@link DicomFormatException}.
 */
public final class Part10Reader implements DicomReader {

  private final ReaderLimits limits;

  public Part10Reader() {
    this(ReaderLimits.DEFAULT);
  }

  public Part10Reader(ReaderLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  @Override
  public DicomFile readMetadata(Path file) throws DicomFormatException {
    return readMetadata(readFile(file));
  }

  @Override
  public DicomImage readImage(Path file) throws DicomFormatException {
    return readImage(readFile(file));
  }

  @Override
  public DicomFile readMetadata(byte[] bytes) throws DicomFormatException {
    return parse(bytes).file();
  }

  @Override
  public DicomImage readImage(byte[] bytes) throws DicomFormatException {
    Parsed parsed = parse(bytes);
    DicomMetadata metadata = parsed.file().metadata();
    PixelArray pixels =
        PixelDataDecoder.decode(parsed.dataSet(), metadata, parsed.heldBytes(), limits);
    return new DicomImage(metadata, parsed.file().identity(), pixels);
  }

  @Override
  public DeidentificationFindings readDeidentificationFindings(Path file) throws DicomFormatException {
    return DeidentificationScan.scan(parse(readFile(file)).dataSet(), limits.maxSequenceDepth());
  }

  /**
   * A de-identified copy of the file (see {@link DeidentificationOptions}), as the bytes of a new
   * Part 10 file in the source's transfer syntax; pixels are copied, not decoded.
   */
  public byte[] deidentifiedCopy(Path file, DeidentificationOptions options) throws DicomFormatException {
    Parsed parsed = parse(readFile(file));
    return DeidentifiedCopy.encode(parsed.dataSet(), parsed.file().metadata(), options);
  }

  /** @param heldBytes the file's bytes and, for a deflated file, its inflated data set */
  private record Parsed(DataSet dataSet, DicomFile file, long heldBytes) {}

  private Parsed parse(byte[] bytes) throws DicomFormatException {
    Objects.requireNonNull(bytes, "bytes");
    Part10Header header = Part10Header.read(bytes, limits);
    TransferSyntax syntax = header.transferSyntax();
    ByteBuffer body;
    int start;
    if (syntax.deflated()) {
      body = DeflatedDataSet.inflate(bytes, header.dataSetStart(), limits);
      start = 0;
    } else {
      body = ByteBuffer.wrap(bytes);
      start = header.dataSetStart();
    }
    body = body.asReadOnlyBuffer()
        .order(syntax.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    DataSet dataSet = DataSetParser.parse(body, start, syntax.explicitVr(), limits.maxSequenceDepth());
    long held = bytes.length + (syntax.deflated() ? body.capacity() : 0);
    return new Parsed(dataSet, MetadataExtractor.extract(header, dataSet), held);
  }

  /**
   * Reads a whole file, after its size and first bytes show it can be DICOM: an export folder may
   * hold videos or archives of gigabytes that must not be loaded to find out.
   */
  private byte[] readFile(Path file) throws DicomFormatException {
    Objects.requireNonNull(file, "file");
    if (Files.isDirectory(file)) {
      throw new DicomFormatException(DicomFormatException.Reason.UNREADABLE, "is a directory");
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size > limits.maxFileBytes()) {
        throw DicomFormatException.limit(
            "file is " + size + " bytes, above the limit of " + limits.maxFileBytes());
      }
      ByteBuffer prefix = ByteBuffer.allocate((int) Math.min(size, Part10Header.PREFIX_BYTES));
      readFully(channel, prefix);
      Part10Header.requireDicomPrefix(prefix.array(), size);
      limits.requireMemory(size, "reading the file");
      ByteBuffer whole = ByteBuffer.allocate((int) size);
      whole.put(prefix.flip());
      readFully(channel, whole);
      return whole.array();
    } catch (NoSuchFileException e) {
      throw new DicomFormatException(DicomFormatException.Reason.UNREADABLE, "no such file", e);
    } catch (AccessDeniedException e) {
      throw new DicomFormatException(DicomFormatException.Reason.UNREADABLE, "permission denied", e);
    } catch (IOException e) {
      throw new DicomFormatException(
          DicomFormatException.Reason.UNREADABLE, "cannot read file: " + e.getMessage(), e);
    }
  }

  private static void readFully(FileChannel channel, ByteBuffer target) throws IOException {
    while (target.hasRemaining()) {
      if (channel.read(target) < 0) {
        throw new IOException("file shrank while being read");
      }
    }
  }
}
