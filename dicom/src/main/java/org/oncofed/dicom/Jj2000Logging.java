package org.oncofed.dicom;

import jj2000.j2k.util.FacilityManager;
import jj2000.j2k.util.MsgLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JPEG 2000 codec (JJ2000) prints warnings straight to standard output by default, which would
 * corrupt {@code inspect --json}. Its messages go to the node's log at debug level instead: a
 * codestream it cannot decode already surfaces as a {@link DicomFormatException}.
 */
final class Jj2000Logging implements MsgLogger {

  private static final Logger LOG = LoggerFactory.getLogger("org.oncofed.dicom.jpeg2000");

  private Jj2000Logging() {}

  static void routeToSlf4j() {
    FacilityManager.registerMsgLogger(null, new Jj2000Logging());
  }

  @Override
  public void printmsg(int severity, String message) {
    LOG.debug("JPEG 2000 codec (severity {}): {}", severity, message);
  }

  @Override
  public void println(String message, int firstLineIndent, int indent) {
    LOG.debug("JPEG 2000 codec: {}", message);
  }

  @Override
  public void flush() {}
}
