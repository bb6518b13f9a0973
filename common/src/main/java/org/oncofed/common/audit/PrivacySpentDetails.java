package org.oncofed.common.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.oncofed.proto.federation.v1.PrivacySpent;

/**
 * A site's privacy account as audit and ledger details: {@code epsilon}, {@code delta},
 * {@code maxEpsilon}. JSON has no infinity, so an unbounded epsilon (a release without noise has
 * left) is the string {@code "infinite"}; a site without a limit has {@code maxEpsilon} 0.
 */
public final class PrivacySpentDetails {

  public static final String INFINITE = "infinite";

  private PrivacySpentDetails() {}

  public static Map<String, Object> of(PrivacySpent spent) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("epsilon", epsilon(spent.getEpsilon()));
    details.put("delta", spent.getDelta());
    details.put("maxEpsilon", spent.getMaxEpsilon());
    return details;
  }

  /** An epsilon as a detail value: the number, or {@link #INFINITE}. */
  public static Object epsilon(double epsilon) {
    return Double.isInfinite(epsilon) ? INFINITE : epsilon;
  }
}
