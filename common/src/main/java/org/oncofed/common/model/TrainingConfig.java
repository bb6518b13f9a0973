package org.oncofed.common.model;

import java.util.Objects;

/**
 * Hyper-parameters of one local training task, as the coordinator sends them and as provenance
 * records them.
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
    double windowWidth) {

  public TrainingConfig {
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
        proto.getWindowWidth());
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
        .build();
  }
}
