package org.oncofed.node.approval;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oncofed.proto.federation.v1.SitePlan;

/**
 * A rule of the site's policy that approves a plan without an operator: the plan's researcher is
 * one of {@code researchers}, its architecture one of {@code architectures} (any when empty), and
 * its updates carry at least {@code minNoiseMultiplier} of noise. With no researchers listed the
 * rule approves nothing: a rule that approves anyone's plan would make approval pointless.
 *
 * @param researchers names (as in their certificates) of researchers whose plans are pre-approved
 * @param architectures catalogue entries the rule covers; empty for any
 * @param minNoiseMultiplier the least noise multiplier a pre-approved plan may set
 */
@ConfigurationProperties("oncofed.node.policy.pre-approve")
public record PreApprovalRule(
    @Bindable(defaultValue = "") List<String> researchers,
    @Bindable(defaultValue = "") List<String> architectures,
    @Bindable(defaultValue = "0") double minNoiseMultiplier) {

  public PreApprovalRule {
    researchers = names(researchers);
    architectures = names(architectures);
    if (!(minNoiseMultiplier >= 0) || !Double.isFinite(minNoiseMultiplier)) {
      throw new IllegalArgumentException("oncofed.node.policy.pre-approve.min-noise-multiplier must be a finite number"
          + " of at least 0, found " + minNoiseMultiplier);
    }
  }

  /** The rule in words, as recorded with each plan it approves; empty when the rule approves nothing. */
  public Optional<String> describe() {
    if (researchers.isEmpty()) {
      return Optional.empty();
    }
    List<String> terms = new ArrayList<>(List.of("researcher in " + researchers));
    if (!architectures.isEmpty()) {
      terms.add("architecture in " + architectures);
    }
    if (minNoiseMultiplier > 0) {
      terms.add("noise multiplier at least " + minNoiseMultiplier);
    }
    return Optional.of("pre-approval rule: " + String.join(", ", terms));
  }

  /** Whether the rule approves this plan. */
  public boolean approves(SitePlan plan) {
    return !researchers.isEmpty()
        && researchers.contains(plan.getResearcher())
        && (architectures.isEmpty() || architectures.contains(plan.getSpec().getArchitecture()))
        && plan.getPrivacy().getNoiseMultiplier() >= minNoiseMultiplier;
  }

  private static List<String> names(List<String> names) {
    return names == null ? List.of() : names.stream().map(String::strip).filter(name -> !name.isEmpty()).toList();
  }
}
