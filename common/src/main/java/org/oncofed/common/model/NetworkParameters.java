package org.oncofed.common.model;

import java.util.Objects;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Moves parameters between a network and the flat float32 vectors OncoFed exchanges. */
public final class NetworkParameters {

  private NetworkParameters() {}

  /** A copy of the network's parameters in DL4J {@code params()} order. */
  public static float[] read(ComputationGraph network) {
    Objects.requireNonNull(network, "network");
    INDArray params = network.params();
    if (params.dataType() != DataType.FLOAT) {
      params = params.castTo(DataType.FLOAT);
    }
    return params.toFloatVector();
  }
}
