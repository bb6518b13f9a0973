package org.oncofed.common.tls;

import java.nio.file.Path;

/**
 * A certificate, key or revocation list that cannot be used. The message names the file and the
 * problem so that an operator can fix the configuration without reading a stack trace.
 */
public final class KeyMaterialException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public KeyMaterialException(Path file, String problem) {
    super(file + ": " + problem);
  }

  public KeyMaterialException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
