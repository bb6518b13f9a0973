package org.oncofed.bench.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.oncofed.common.TumourClass;
import org.oncofed.common.model.ModelCatalogue;
import org.oncofed.common.model.ModelSpec;

class TorchMirrorTest {

  private static final ModelSpec SPEC = new ModelSpec("small-cnn", 64, 1, TumourClass.labels(), 7);

  @Test
  void takesTheGlobalPoolingAndParameterCountFromTheCatalogue() {
    TorchMirror mirror = TorchMirror.of(SPEC);

    assertThat(mirror.globalPooling()).isIn("avg", "max");
    assertThat(mirror.parameters()).isEqualTo(ModelCatalogue.standard().parameterCount(SPEC));
  }

  @Test
  void refusesAScriptWhoseNetworkHasAnotherParameterCount() {
    TorchMirror mirror = new TorchMirror("avg", 97_539);

    mirror.check("ready 97539 parameters, avg global pooling; torch 1.13");
    assertThatThrownBy(() -> mirror.check("ready 97540 parameters, avg global pooling; torch 1.13"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("97540")
        .hasMessageContaining("97539");
  }
}
