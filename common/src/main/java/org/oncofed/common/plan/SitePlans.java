package org.oncofed.common.plan;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MapEntry;
import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.proto.federation.v1.DataSplit;
import org.oncofed.proto.federation.v1.SitePlan;
import org.oncofed.proto.federation.v1.TrainingConfig;

/**
 * The one rule by which coordinator and node turn a {@link SitePlan} into the hash a site
 * approves, and the plan in words for the people who approve it.
 *
 * <p>The canonical form is {@link CanonicalJson} of the plan's set fields by their proto names
 * (nested messages as objects, enums by name, maps by key, repeated fields in order); fields at
 * their default value are left out, as proto3 does on the wire. A field added to the plan later
 * therefore changes the hash of a plan only once it is used.
 */
public final class SitePlans {

  /** The reason a node gives when it declines a task whose plan the site has not decided on. */
  public static final String AWAITING_APPROVAL = "awaiting site approval";

  /** The reason a node gives when it declines a task whose plan the site rejected. */
  public static final String REJECTED = "plan rejected by the site";

  private SitePlans() {}

  /** The plan's canonical JSON. */
  public static String canonicalJson(SitePlan plan) {
    return CanonicalJson.encode(fields(plan));
  }

  /** SHA-256 (hex) of the plan's canonical JSON: what an approval binds to. */
  public static String sha256(SitePlan plan) {
    return CanonicalJson.sha256(fields(plan));
  }

  /** A local-only baseline's training: the plan's local training for as many epochs as all its rounds. */
  public static TrainingConfig baselineTraining(SitePlan plan) {
    return plan.getTraining().toBuilder().setEpochs(plan.getTraining().getEpochs() * plan.getRounds()).build();
  }

  /** The plan in words, one setting a line, as a site's data-protection officer reads it before approving. */
  public static String describe(SitePlan plan) {
    var spec = plan.getSpec();
    var training = plan.getTraining();
    var privacy = plan.getPrivacy();
    List<String> lines = new ArrayList<>();
    lines.add("experiment     " + plan.getExperimentName() + " (" + plan.getExperimentId() + ")");
    lines.add("researcher     " + plan.getResearcher());
    lines.add("coordinator    " + plan.getCoordinator());
    lines.add("model          " + spec.getArchitecture() + ", " + spec.getInputSize() + " px, " + spec.getChannels()
        + " channel(s), classes " + String.join("/", spec.getClassesList()) + ", seed " + spec.getSeed());
    lines.add("strategy       " + plan.getStrategy() + (plan.getStrategySettingsMap().isEmpty() ? ""
        : " " + new TreeMap<>(plan.getStrategySettingsMap())));
    lines.add("rounds         " + plan.getRounds() + ", each " + training.getEpochs() + " local epoch(s) in minibatches of "
        + training.getBatchSize());
    lines.add(String.format(Locale.ROOT, "optimiser      %s, learning rate %s, weight decay %s%s%s",
        training.getOptimizer(), training.getLearningRate(), training.getWeightDecay(),
        training.getClassWeightedLoss() ? ", class-weighted loss" : "", training.getAugment() ? ", augmentation" : ""));
    lines.add("CT window      centre " + training.getWindowCenter() + " HU, width " + training.getWindowWidth() + " HU");
    lines.add("preprocessing  " + (training.getNormalisation().isEmpty() ? "window" : training.getNormalisation())
        + " normalisation, " + (training.getResizePolicy().isEmpty() ? "aspect" : training.getResizePolicy()) + " resize"
        + (training.getPixelSpacingMm() > 0 ? " to " + training.getPixelSpacingMm() + " mm pixels" : "")
        + (training.getNeighbourSlices() ? ", neighbouring slices as channels" : "")
        + (training.getOversample() ? ", classes oversampled" : "")
        + (training.getHoldoutFraction() > 0 ? ", " + training.getHoldoutFraction() + " of training patients held out"
            + " to keep the best epoch (patience " + training.getPatience() + ")" : ""));
    lines.add("privacy        " + (privacy.getClipNorm() > 0 ? "updates clipped to L2 norm " + privacy.getClipNorm()
        : "updates not clipped") + ", " + (privacy.getNoiseMultiplier() > 0
        ? "Gaussian noise " + privacy.getNoiseMultiplier() + " x clip norm" : "no noise")
        + (privacy.getSecureAggregation() ? ", secure aggregation" : ""));
    lines.add("baselines      " + (!plan.getLocalBaselines() ? "none"
        : "a local-only model per site (" + plan.getRounds() * training.getEpochs() + " epochs), "
            + (plan.getShareBaselines() ? "uploaded and evaluated on every site's test split" : "kept at each site")));
    lines.add("evaluations    " + (plan.getEvaluationSplitsList().isEmpty() ? "none"
        : plan.getEvaluationSplitsList().stream().map(SitePlans::split).collect(Collectors.joining(", "))
            + " (confusion matrices and score histograms)"));
    lines.add("plan SHA-256   " + sha256(plan));
    return String.join("\n", lines);
  }

  private static String split(DataSplit split) {
    return switch (split) {
      case DATA_SPLIT_VALIDATION -> "validation split after each aggregated round";
      case DATA_SPLIT_TEST -> "test split at the end";
      default -> split.name();
    };
  }

  private static Map<String, Object> fields(Message message) {
    Map<String, Object> fields = new TreeMap<>();
    message.getAllFields().forEach((field, value) -> fields.put(field.getName(), value(field, value)));
    return fields;
  }

  private static Object value(FieldDescriptor field, Object value) {
    if (field.isMapField()) {
      Map<String, Object> map = new TreeMap<>();
      for (Object entry : (List<?>) value) {
        MapEntry<?, ?> pair = (MapEntry<?, ?>) entry;
        map.put(String.valueOf(pair.getKey()), single(field.getMessageType().findFieldByName("value"),
            pair.getValue()));
      }
      return map;
    }
    if (field.isRepeated()) {
      return ((List<?>) value).stream().map(item -> single(field, item)).toList();
    }
    return single(field, value);
  }

  private static Object single(FieldDescriptor field, Object value) {
    return switch (field.getJavaType()) {
      case MESSAGE -> fields((Message) value);
      case ENUM -> ((EnumValueDescriptor) value).getName();
      case BYTE_STRING -> throw new IllegalArgumentException("a plan has no byte fields, found " + field.getName());
      default -> value;
    };
  }
}
