package org.oncofed.dicom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The attributes of DICOM PS3.15 Table E.1-1 (Basic Application Level Confidentiality Profile), read
 * once from {@code confidentiality-profile.txt}, where the table and its edition are described.
 */
public final class ConfidentialityProfile {

  /**
   * One row of the table.
   *
   * @param action the basic profile's action code (D, Z, X, K, C, U or a combination such as X/Z/D)
   * @param retainUids the action under the Retain UIDs option, empty when the same as basic
   * @param retainDates the action under the Retain Longitudinal Temporal Information with Full Dates
   *     option, empty when the same as basic
   * @param direct whether the attribute directly identifies a person (OncoFed's classification)
   */
  public record Attribute(String tag, String action, String retainUids, String retainDates, boolean direct, String name) {

    /** True for an attribute whose basic action is to replace UIDs, which stay (pseudonymous) in a de-identified copy. */
    public boolean isUid() {
      return action.equals("U");
    }
  }

  private static final String RESOURCE = "confidentiality-profile.txt";
  private static final Set<Vr> DATE_AND_TIME = EnumSet.of(Vr.DA, Vr.DT, Vr.TM);
  /**
   * Dates and times outside Table E.1-1 that headers often hold (PS3.6 registry: VR DA, TM or DT),
   * for Implicit VR files, where an element's VR is not in the file.
   */
  private static final Set<Integer> OTHER_DATES = Set.of(
      0x00080012, 0x00080013, // Instance Creation Date, Time
      0x00181012, 0x00181014, // Date, Time of Secondary Capture
      0x00181200, 0x00181201, // Date, Time of Last Calibration
      0x0018700C, 0x0018700E, // Date, Time of Last Detector Calibration
      0x00320032, 0x00320033, // Study Verified Date, Time
      0x00320034, 0x00320035, // Study Read Date, Time
      0x0040A032, // Observation DateTime
      0x0040A120, 0x0040A121, 0x0040A122, // DateTime, Date, Time (content items)
      0x00189074, 0x00189151, // Frame Acquisition DateTime, Frame Reference DateTime
      0x04000105, 0x04000562); // Digital Signature DateTime, Attribute Modification DateTime
  private static final ConfidentialityProfile INSTANCE = load();

  private final Map<Integer, Attribute> exact;
  /** Rows for repeating groups, with x for any hex digit: a tag matches when every other digit does. */
  private final List<Attribute> patterns;

  private ConfidentialityProfile(Map<Integer, Attribute> exact, List<Attribute> patterns) {
    this.exact = exact;
    this.patterns = patterns;
  }

  public static ConfidentialityProfile basic() {
    return INSTANCE;
  }

  /** The table's row for {@code tag}, if the profile acts on it. */
  public Optional<Attribute> attribute(int tag) {
    Attribute row = exact.get(tag);
    if (row != null) {
      return Optional.of(row);
    }
    String hex = String.format("%08X", tag);
    return patterns.stream().filter(pattern -> matches(pattern.tag(), hex)).findFirst();
  }

  /**
   * Whether an attribute holds a date or time, which the basic profile removes unless the site
   * retains longitudinal temporal information: by its VR, by the table's date option, or, where the
   * VR is unknown, by the attributes listed in {@link #OTHER_DATES}.
   */
  public boolean isDate(int tag, Vr vr) {
    return DATE_AND_TIME.contains(vr) || OTHER_DATES.contains(tag)
        || attribute(tag).map(row -> row.retainDates().equals("K")).orElse(false);
  }

  public int size() {
    return exact.size() + patterns.size();
  }

  private static boolean matches(String pattern, String hex) {
    for (int i = 0; i < 8; i++) {
      char p = pattern.charAt(i);
      if (p != 'x' && p != hex.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static ConfidentialityProfile load() {
    Map<Integer, Attribute> exact = new HashMap<>();
    List<Attribute> patterns = new ArrayList<>();
    try (InputStream in = ConfidentialityProfile.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the dicom module");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      while ((line = lines.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\\|", -1);
        if (cells.length != 6 || cells[0].length() != 8) {
          throw new IllegalStateException(RESOURCE + " line " + number + ": expected tag|action|uids|dates|direct|name");
        }
        Attribute row = new Attribute(cells[0], cells[1], cells[2], cells[3], cells[4].equals("direct"), cells[5]);
        if (cells[0].indexOf('x') >= 0) {
          patterns.add(row);
        } else if (exact.put(Integer.parseUnsignedInt(cells[0], 16), row) != null) {
          throw new IllegalStateException(RESOURCE + " line " + number + ": tag " + cells[0] + " listed twice");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new ConfidentialityProfile(Map.copyOf(exact), List.copyOf(patterns));
  }
}
