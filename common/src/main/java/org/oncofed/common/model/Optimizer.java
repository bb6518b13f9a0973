package org.oncofed.common.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;

/** Local optimisers a training task may ask for, by their wire names. */
public enum Optimizer {
  ADAM("adam"),
  SGD("sgd"),
  /** SGD with Nesterov momentum 0.9. */
  NESTEROVS("nesterovs");

  private static final double NESTEROV_MOMENTUM = 0.9;

  private final String wireName;

  Optimizer(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** The DL4J updater for this optimiser; Adam keeps DL4J's defaults (β1 0.9, β2 0.999, ε 1e-8). */
  public IUpdater updater(double learningRate) {
    return switch (this) {
      case ADAM -> new Adam(learningRate);
      case SGD -> new Sgd(learningRate);
      case NESTEROVS -> new Nesterovs(learningRate, NESTEROV_MOMENTUM);
    };
  }

  /** Parses a wire name case-insensitively; the error lists the accepted names. */
  @JsonCreator
  public static Optimizer fromWireName(String name) {
    for (Optimizer optimizer : values()) {
      if (optimizer.wireName.equals(name == null ? null : name.strip().toLowerCase(Locale.ROOT))) {
        return optimizer;
      }
    }
    throw new IllegalArgumentException("unknown optimizer '" + name + "': expected one of " + wireNames());
  }

  public static List<String> wireNames() {
    return Arrays.stream(values()).map(Optimizer::wireName).toList();
  }
}
