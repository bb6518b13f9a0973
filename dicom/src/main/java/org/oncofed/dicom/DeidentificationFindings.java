package org.oncofed.dicom;

import java.util.List;
import java.util.Optional;

/**
 * What a file still holds that de-identification is about: attributes of the basic confidentiality
 * profile that carry a value, private attributes, dates and times, and the flags saying whether the
 * pixels show text or a recognizable face. Names attributes, never their values.
 *
 * @param burnedInAnnotation the value of Burned In Annotation (0028,0301), empty when absent
 * @param recognizableVisualFeatures the value of Recognizable Visual Features (0028,0302), empty when absent
 * @param patientIdentityRemoved the value of Patient Identity Removed (0012,0062), empty when absent
 */
public record DeidentificationFindings(
    List<Finding> profileAttributes,
    List<Finding> privateAttributes,
    List<Finding> dates,
    String burnedInAnnotation,
    String recognizableVisualFeatures,
    String patientIdentityRemoved) {

  /**
   * One attribute carrying a value.
   *
   * @param path where it is: its tag, preceded by the sequences and items that hold it, such as
   *     {@code 00081140[0]/00081155}
   * @param name the profile's name for it, or the tag for an attribute outside the profile
   * @param action the basic profile's action; {@code X} for a private attribute; empty for a date
   *     outside the profile
   * @param direct whether it directly identifies a person
   */
  public record Finding(String path, int tag, String name, String action, boolean direct) {}

  /** The first directly identifying attribute, in file order, if any. */
  public Optional<Finding> firstDirectIdentifier() {
    return identifyingAttributes().stream().filter(Finding::direct).findFirst();
  }

  /**
   * Profile attributes that still identify: all but UIDs (a de-identified copy keeps them, replaced),
   * and in a file that declares its patient identity removed, all but those the profile lets hold a
   * dummy value (actions with Z or D, such as a pseudonymous Patient ID). Those it removes (X) always
   * count.
   */
  public List<Finding> identifyingAttributes() {
    boolean declaredRemoved = patientIdentityRemoved.equals("YES");
    return profileAttributes.stream()
        .filter(f -> !f.action().equals("U"))
        .filter(f -> !declaredRemoved || !(f.action().contains("Z") || f.action().contains("D")))
        .toList();
  }

  /** True when nothing identifying remains: no profile attribute but UIDs, no private attribute, no date, no burned-in text. */
  public boolean isClean() {
    return identifyingAttributes().isEmpty() && privateAttributes.isEmpty() && dates.isEmpty()
        && !burnedInAnnotation.equals("YES") && !recognizableVisualFeatures.equals("YES");
  }
}
