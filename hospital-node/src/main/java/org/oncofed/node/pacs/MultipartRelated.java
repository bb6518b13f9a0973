package org.oncofed.node.pacs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a {@code multipart/related} body (RFC 2387), as WADO-RS answers a retrieval, into the
 * bodies of its parts. Part headers are read only to skip them: a WADO-RS part of type {@code
 * application/dicom} is a whole DICOM Part 10 file.
 */
final class MultipartRelated {

  private MultipartRelated() {}

  /** The boundary named in a {@code Content-Type} header value. */
  static String boundary(String contentType) throws IOException {
    for (String parameter : contentType.split(";")) {
      String[] pair = parameter.trim().split("=", 2);
      if (pair.length == 2 && pair[0].trim().toLowerCase(Locale.ROOT).equals("boundary")) {
        String value = pair[1].trim();
        return value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2
            ? value.substring(1, value.length() - 1) : value;
      }
    }
    throw new IOException("the PACS answered '" + contentType + "' without a multipart boundary");
  }

  /** The parts' bodies, in order. */
  static List<byte[]> parts(byte[] body, String boundary) throws IOException {
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    List<byte[]> parts = new ArrayList<>();
    int at = indexOf(body, delimiter, 0);
    if (at < 0) {
      throw new IOException("the multipart body has no boundary '" + boundary + "'");
    }
    while (true) {
      int afterDelimiter = at + delimiter.length;
      if (startsWith(body, afterDelimiter, "--")) {
        return parts;
      }
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), afterDelimiter);
      if (headersEnd < 0) {
        throw new IOException("a multipart part has no end of headers");
      }
      int start = headersEnd + 4;
      int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII), start);
      if (next < 0) {
        throw new IOException("the multipart body ends inside a part (no closing boundary)");
      }
      byte[] part = new byte[next - start];
      System.arraycopy(body, start, part, 0, part.length);
      parts.add(part);
      at = next + 2;
    }
  }

  private static boolean startsWith(byte[] body, int offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    if (offset + bytes.length > body.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if (body[offset + i] != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] body, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= body.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (body[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
