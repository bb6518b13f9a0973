package org.oncofed.common.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSpecTest {

  @Test
  void roundTripsThroughTheWireForm() {
    ModelSpec spec = new ModelSpec("resnet-lite", 224, 3, List.of("normal", "benign", "malignant"), -9);

    assertThat(ModelSpec.fromProto(spec.toProto())).isEqualTo(spec);
  }

  @Test
  void rejectsChannelsOtherThanOneOrThree() {
    assertThatThrownBy(() -> new ModelSpec("small-cnn", 64, 2, List.of("a", "b"), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("model spec: channels must be 1 or 3, found 2");
  }

  @Test
  void rejectsMissingOrDuplicateClasses() {
    var empty = org.oncofed.proto.federation.v1.ModelSpec.newBuilder()
        .setArchitecture("small-cnn").setInputSize(64).setChannels(1).build();

    assertThatThrownBy(() -> ModelSpec.fromProto(empty))
        .hasMessage("model spec: at least 2 output classes are needed, found 0 []");
    assertThatThrownBy(() -> new ModelSpec("small-cnn", 64, 1, List.of("a", "a"), 0))
        .hasMessage("model spec: class labels must be distinct and not blank, found [a, a]");
  }

  @Test
  void rejectsMissingArchitectureAndNonPositiveSize() {
    assertThatThrownBy(() -> new ModelSpec(" ", 64, 1, List.of("a", "b"), 0))
        .hasMessage("model spec: architecture must not be blank");
    assertThatThrownBy(() -> new ModelSpec("small-cnn", 0, 1, List.of("a", "b"), 0))
        .hasMessage("model spec: input size must be positive, found 0");
  }
}
