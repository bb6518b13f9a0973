package org.oncofed.common.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.Objects;

/**
 * Hyper-parameters and data preparation of one local training task, as the coordinator sends them
 * and as provenance records them. The settings added after provenance format version 1 are left
 * out of the JSON while they have the value that means "as before" (window normalisation, aspect
 * resize, no neighbours, no oversampling, no hold-out), so records written before they existed keep
 * their bytes and hashes.
 *
 * @param epochs passes over the local training split per round, at least 1
 * @param batchSize examples per minibatch, at least 1
 * @param optimizer local optimiser; its state starts fresh every round
 * @param learningRate positive
 * @param weightDecay decoupled weight decay on weights (not biases), 0 for none
 * @param classWeightedLoss weight the cross-entropy by inverse local class frequency
 * @param augment let the node's data pipeline augment training slices
 * @param seed seed for data order, augmentation and any randomness in training
 * @param windowCenter CT window centre in Hounsfield units, applied by the data pipeline
 * @param windowWidth CT window width in Hounsfield units, applied by the data pipeline
 * @param normalisation what follows the window
 * @param resizePolicy how slices of any size become the square input
 * @param pixelSpacingMm the input's pixel size with the physical policy (positive); 0 with the aspect policy
 * @param neighbourSlices 2.5D input: the previous, this and the next slice as the 3 channels
 * @param oversample draw each epoch's training examples so every class present is as frequent as the largest
 * @param holdoutFraction share of the site's training patients kept out of training to pick the best epoch, 0 to 0.5
 * @param patience stop a task's epochs after this many without a better hold-out loss, 0 to run all
 */
public record TrainingConfig(
    int epochs,
    int batchSize,
    Optimizer optimizer,
    double learningRate,
    double weightDecay,
    boolean classWeightedLoss,
    boolean augment,
    long seed,
    double windowCenter,
    double windowWidth,
    @JsonInclude(value = Include.CUSTOM, valueFilter = WindowNormalisation.class) Normalisation normalisation,
    @JsonInclude(value = Include.CUSTOM, valueFilter = AspectResize.class) ResizePolicy resizePolicy,
    @JsonInclude(Include.NON_DEFAULT) double pixelSpacingMm,
    @JsonInclude(Include.NON_DEFAULT) boolean neighbourSlices,
    @JsonInclude(Include.NON_DEFAULT) boolean oversample,
    @JsonInclude(Include.NON_DEFAULT) double holdoutFraction,
    @JsonInclude(Include.NON_DEFAULT) int patience) {

  public static final double MAX_HOLDOUT_FRACTION = 0.5;

  public TrainingConfig {
    // Absent from version-1 provenance, which predates these settings.
    normalisation = Objects.requireNonNullElse(normalisation, Normalisation.WINDOW);
    resizePolicy = Objects.requireNonNullElse(resizePolicy, ResizePolicy.ASPECT);
    Objects.requireNonNull(optimizer, "optimizer");
    if (epochs < 1) {
      throw new IllegalArgumentException("training config: epochs must be at least 1, found " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("training config: batch size must be at least 1, found " + batchSize);
    }
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException(
          "training config: learning rate must be a positive finite number, found " + learningRate);
    }
    if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
      throw new IllegalArgumentException(
          "training config: weight decay must be a finite number >= 0, found " + weightDecay);
    }
    if (!Double.isFinite(windowCenter) || !Double.isFinite(windowWidth)) {
      throw new IllegalArgumentException(
          "training config: CT window must be finite, found centre " + windowCenter + " width " + windowWidth);
    }
    checkResize(resizePolicy, pixelSpacingMm);
    if (oversample && classWeightedLoss) {
      throw new InvalidSettingException("oversample", "oversampling and classWeightedLoss both counter class "
          + "imbalance and together overcorrect it; choose one");
    }
    if (!(holdoutFraction >= 0 && holdoutFraction <= MAX_HOLDOUT_FRACTION)) {
      throw new InvalidSettingException("holdoutFraction", "expected 0 (none) to " + MAX_HOLDOUT_FRACTION
          + ", found " + holdoutFraction);
    }
    if (patience < 0) {
      throw new InvalidSettingException("patience", "expected 0 (run every epoch) or more, found " + patience);
    }
    if (patience > 0 && holdoutFraction == 0) {
      throw new InvalidSettingException("patience", "early stopping within a round compares epochs on held-out "
          + "patients, so holdoutFraction must be positive; found patience " + patience + " with holdoutFraction 0");
    }
  }

  private static void checkResize(ResizePolicy policy, double pixelSpacingMm) {
    if (policy == ResizePolicy.PHYSICAL && !(pixelSpacingMm > 0 && pixelSpacingMm <= 10)) {
      throw new InvalidSettingException("pixelSpacingMm", "the physical resize policy resamples to a pixel size "
          + "in mm, so it needs one in (0, 10]; found " + pixelSpacingMm);
    }
    if (policy == ResizePolicy.ASPECT && pixelSpacingMm != 0) {
      throw new InvalidSettingException("pixelSpacingMm", "only the physical resize policy uses a pixel size; "
          + "found " + pixelSpacingMm + " mm with the aspect policy");
    }
  }

  /**
   * Checks that the data preparation fits a network with {@code channels} input channels.
   *
   * @throws InvalidSettingException naming {@code neighbourSlices} when it asks for 3 channels and the network has another count
   */
  public void checkChannels(int channels) {
    if (neighbourSlices && channels != 3) {
      throw new InvalidSettingException("neighbourSlices", "neighbouring slices fill the 3 input channels "
          + "(previous, this, next), so the model needs 3 channels; found " + channels);
    }
  }

  /** The same settings with another number of epochs, as a local baseline's budget needs. */
  public TrainingConfig withEpochs(int newEpochs) {
    return new TrainingConfig(newEpochs, batchSize, optimizer, learningRate, weightDecay, classWeightedLoss, augment,
        seed, windowCenter, windowWidth, normalisation, resizePolicy, pixelSpacingMm, neighbourSlices, oversample,
        holdoutFraction, patience);
  }

  public static TrainingConfig fromProto(org.oncofed.proto.federation.v1.TrainingConfig proto) {
    Objects.requireNonNull(proto, "proto");
    return new TrainingConfig(
        proto.getEpochs(),
        proto.getBatchSize(),
        Optimizer.fromWireName(proto.getOptimizer()),
        proto.getLearningRate(),
        proto.getWeightDecay(),
        proto.getClassWeightedLoss(),
        proto.getAugment(),
        proto.getSeed(),
        proto.getWindowCenter(),
        proto.getWindowWidth(),
        Normalisation.fromWireName(proto.getNormalisation()),
        ResizePolicy.fromWireName(proto.getResizePolicy()),
        proto.getPixelSpacingMm(),
        proto.getNeighbourSlices(),
        proto.getOversample(),
        proto.getHoldoutFraction(),
        proto.getPatience());
  }

  public org.oncofed.proto.federation.v1.TrainingConfig toProto() {
    return org.oncofed.proto.federation.v1.TrainingConfig.newBuilder()
        .setEpochs(epochs)
        .setBatchSize(batchSize)
        .setOptimizer(optimizer.wireName())
        .setLearningRate(learningRate)
        .setWeightDecay(weightDecay)
        .setClassWeightedLoss(classWeightedLoss)
        .setAugment(augment)
        .setSeed(seed)
        .setWindowCenter(windowCenter)
        .setWindowWidth(windowWidth)
        .setNormalisation(normalisation.wireName())
        .setResizePolicy(resizePolicy.wireName())
        .setPixelSpacingMm(pixelSpacingMm)
        .setNeighbourSlices(neighbourSlices)
        .setOversample(oversample)
        .setHoldoutFraction(holdoutFraction)
        .setPatience(patience)
        .build();
  }

  /** Jackson value filter: true (leave out) for the version-1 normalisation. */
  static final class WindowNormalisation {
    @Override
    public boolean equals(Object value) {
      return value == Normalisation.WINDOW;
    }

    @Override
    public int hashCode() {
      return 1;
    }
  }

  /** Jackson value filter: true (leave out) for the version-1 resize policy. */
  static final class AspectResize {
    @Override
    public boolean equals(Object value) {
      return value == ResizePolicy.ASPECT;
    }

    @Override
    public int hashCode() {
      return 2;
    }
  }
}
