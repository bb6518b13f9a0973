package org.oncofed.dicom;

import java.util.Objects;

/**
 * How a site de-identifies: the basic profile, plus the options it chose.
 *
 * @param retainUids the Retain UIDs option: UIDs are kept instead of replaced
 * @param retainDates the Retain Longitudinal Temporal Information with Full Dates option: dates and
 *     times are kept instead of removed
 * @param uidKey the site's secret for replacing UIDs: the same UID always maps to the same new UID
 *     under the same key, across files and runs, and cannot be mapped back without it
 */
public record DeidentificationOptions(boolean retainUids, boolean retainDates, byte[] uidKey) {

  public DeidentificationOptions {
    Objects.requireNonNull(uidKey, "uidKey");
    if (uidKey.length < 16) {
      throw new IllegalArgumentException("the UID key must have at least 16 bytes, found " + uidKey.length);
    }
    uidKey = uidKey.clone();
  }

  /** The profile and options, as Deidentification Method (0012,0063) records them. */
  public String describe() {
    return "PS3.15 E.1 Basic Profile" + (retainUids ? ", Retain UIDs" : "")
        + (retainDates ? ", Retain Longitudinal Full Dates" : "");
  }
}
