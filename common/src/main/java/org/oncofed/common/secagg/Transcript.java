package org.oncofed.common.secagg;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.oncofed.common.SiteId;

/**
 * An unambiguous byte string of typed fields, for what is signed, hashed, or bound into a key or a
 * ciphertext. Variable-length fields carry their length, and the first field is a label naming the
 * purpose, so bytes made for one purpose never verify for another.
 */
final class Transcript {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private Transcript() {}

  static Transcript of(String label) {
    return new Transcript().add(label);
  }

  Transcript add(String value) {
    return add(value.getBytes(StandardCharsets.UTF_8));
  }

  Transcript add(SiteId site) {
    return add(site.value());
  }

  /** A collection of sites in its iteration order, preceded by its size. */
  Transcript add(Collection<SiteId> sites) {
    add(sites.size());
    sites.forEach(this::add);
    return this;
  }

  Transcript add(byte[] value) {
    add(value.length);
    bytes.writeBytes(value);
    return this;
  }

  Transcript add(int value) {
    bytes.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value).array());
    return this;
  }

  Transcript add(long value) {
    bytes.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
    return this;
  }

  byte[] bytes() {
    return bytes.toByteArray();
  }
}
