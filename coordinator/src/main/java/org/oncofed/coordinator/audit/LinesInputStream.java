package org.oncofed.coordinator.audit;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/** The lines of an iterator as a UTF-8 stream, each followed by a newline, produced as they are read. */
final class LinesInputStream extends InputStream {

  private final Iterator<String> lines;
  private byte[] current = new byte[0];
  private int position;

  LinesInputStream(Iterator<String> lines) {
    this.lines = lines;
  }

  @Override
  public int read() {
    if (!fill()) {
      return -1;
    }
    return current[position++] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int count = Math.min(length, current.length - position);
    System.arraycopy(current, position, buffer, offset, count);
    position += count;
    return count;
  }

  private boolean fill() {
    while (position == current.length) {
      if (!lines.hasNext()) {
        return false;
      }
      current = (lines.next() + "\n").getBytes(StandardCharsets.UTF_8);
      position = 0;
    }
    return true;
  }
}
