package org.oncofed.coordinator.audit;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.oncofed.common.audit.AuditEventType;
import org.oncofed.common.audit.AuditJson;
import org.oncofed.common.audit.PrivacySpentDetails;
import org.oncofed.common.plan.SitePlans;

/**
 * What each site said about an experiment, read from the trail: whether it approved the plan,
 * awaits approval or rejected it (the last word wins: a decision, a decline for approval, or a
 * result it sent), and its latest privacy account.
 */
@Singleton
public class SiteSignoffs {

  /** The state of a site's approval of the experiment's plan. */
  public enum Approval {
    APPROVED("approved"), AWAITING("awaiting site approval"), REJECTED("rejected");

    private final String text;

    Approval(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /**
   * One site's sign-off.
   *
   * @param planSha256 the plan the site last named, when it named one
   * @param epsilon spent at {@code delta}; null before the site reported an account; infinite when unbounded
   * @param maxEpsilon the site's limit, 0 when it sets none
   */
  public record Signoff(Approval approval, String planSha256, Double epsilon, double delta, double maxEpsilon) {}

  private static final Set<AuditEventType> TYPES = Set.of(AuditEventType.TASK_DECLINED, AuditEventType.PLAN_DECIDED,
      AuditEventType.UPDATE_ACCEPTED, AuditEventType.EVALUATION_RECEIVED);

  private final AuditRepository repository;

  SiteSignoffs(AuditRepository repository) {
    this.repository = repository;
  }

  /** By site, in site order; a site that has said nothing about the experiment is absent. */
  public Map<String, Signoff> of(String experimentId) {
    Map<String, Signoff> bySite = new TreeMap<>();
    Long after = null;
    List<StoredEvent> page;
    do {
      page = repository.search(new AuditQuery(experimentId, null, null, TYPES, null, null, after, 0,
          AuditQuery.MAX_LIMIT));
      for (StoredEvent event : page) {
        if (event.siteId() != null) {
          bySite.put(event.siteId(), next(bySite.get(event.siteId()), event));
        }
        after = event.seq();
      }
    } while (page.size() == AuditQuery.MAX_LIMIT);
    return bySite;
  }

  /** An epsilon for people and the API: the number with four decimals, {@code infinite}, or null for none. */
  public static String epsilonText(Double epsilon) {
    if (epsilon == null) {
      return null;
    }
    return epsilon.isInfinite() ? PrivacySpentDetails.INFINITE : String.format(java.util.Locale.ROOT, "%.4f", epsilon);
  }

  private static Signoff next(Signoff previous, StoredEvent event) {
    JsonNode details = AuditJson.parse(event.detailsJson());
    Approval approval = previous == null ? null : previous.approval();
    String plan = previous == null ? null : previous.planSha256();
    switch (AuditEventType.parse(event.type())) {
      case PLAN_DECIDED -> approval = "approved".equals(details.path("decision").asText())
          ? Approval.APPROVED : Approval.REJECTED;
      case TASK_DECLINED -> {
        String reason = details.path("reason").asText();
        if (reason.equals(SitePlans.AWAITING_APPROVAL)) {
          approval = Approval.AWAITING;
        } else if (reason.equals(SitePlans.REJECTED)) {
          approval = Approval.REJECTED;
        }
      }
      default -> approval = Approval.APPROVED;
    }
    if (details.hasNonNull("planSha256")) {
      plan = details.get("planSha256").asText();
    }
    JsonNode spent = details.path("privacySpent");
    if (spent.isObject()) {
      JsonNode epsilon = spent.path("epsilon");
      return new Signoff(approval, plan, epsilon.isNumber() ? epsilon.asDouble()
          : PrivacySpentDetails.INFINITE.equals(epsilon.asText()) ? Double.POSITIVE_INFINITY : null,
          spent.path("delta").asDouble(), spent.path("maxEpsilon").asDouble());
    }
    return previous == null
        ? new Signoff(approval, plan, null, 0, 0)
        : new Signoff(approval, plan, previous.epsilon(), previous.delta(), previous.maxEpsilon());
  }
}
