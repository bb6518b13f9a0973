package org.oncofed.common.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which network to build from the {@link ModelCatalogue}: the same spec builds the same network,
 * with bit-identical initial parameters, on the coordinator and on every node.
 *
 * <p>The record checks what it can on its own (channels, classes); whether the architecture exists
 * and accepts {@link #inputSize()} is checked by {@link ModelCatalogue#validate(ModelSpec)}.
 *
 * @param architecture catalogue entry, for example {@code small-cnn}
 * @param inputSize square input size in pixels
 * @param channels 1, or 3 where a CT slice is replicated for a 3-channel backbone
 * @param classes output class labels in output order (at least two, distinct)
 * @param seed seed of the weight initialisation
 */
public record ModelSpec(String architecture, int inputSize, int channels, List<String> classes, long seed) {

  public ModelSpec {
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(classes, "classes");
    if (architecture.isBlank()) {
      throw new IllegalArgumentException("model spec: architecture must not be blank");
    }
    if (inputSize <= 0) {
      throw new IllegalArgumentException("model spec: input size must be positive, found " + inputSize);
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("model spec: channels must be 1 or 3, found " + channels);
    }
    classes = List.copyOf(classes);
    if (classes.size() < 2) {
      throw new IllegalArgumentException(
          "model spec: at least 2 output classes are needed, found " + classes.size() + " " + classes);
    }
    Set<String> seen = new HashSet<>();
    for (String label : classes) {
      if (label.isBlank() || !seen.add(label)) {
        throw new IllegalArgumentException(
            "model spec: class labels must be distinct and not blank, found " + classes);
      }
    }
  }

  public int classCount() {
    return classes.size();
  }

  /** Converts the wire form, failing with the same messages as the constructor. */
  public static ModelSpec fromProto(org.oncofed.proto.federation.v1.ModelSpec proto) {
    Objects.requireNonNull(proto, "proto");
    return new ModelSpec(
        proto.getArchitecture(),
        proto.getInputSize(),
        proto.getChannels(),
        proto.getClassesList(),
        proto.getSeed());
  }

  public org.oncofed.proto.federation.v1.ModelSpec toProto() {
    return org.oncofed.proto.federation.v1.ModelSpec.newBuilder()
        .setArchitecture(architecture)
        .setInputSize(inputSize)
        .setChannels(channels)
        .addAllClasses(classes)
        .setSeed(seed)
        .build();
  }
}
