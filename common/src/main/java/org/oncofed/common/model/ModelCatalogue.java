package org.oncofed.common.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * The networks OncoFed can train, shipped with both the coordinator and the nodes so that a
 * {@link ModelSpec} builds the same network everywhere: same layers, same parameter order, and,
 * from the same seed, bit-identical initial parameters. Hospitals run no model code they did not
 * install: a spec can only name an entry of this catalogue.
 *
 * <p>All networks take NCHW float32 input ({@code [batch, channels, size, size]}) and one-hot
 * labels in class order, and end in a softmax layer named {@link #OUTPUT}.
 */
public final class ModelCatalogue {

  public static final String INPUT = "input";
  public static final String OUTPUT = "output";

  /**
   * NCHW is DL4J's native layout: its CPU convolutions (im2col + GEMM) and cuDNN both take it
   * without the transposes NHWC would add around every layer.
   */
  static final CNN2DFormat DATA_FORMAT = CNN2DFormat.NCHW;

  private static final ModelCatalogue STANDARD =
      new ModelCatalogue(List.of(new SmallCnn(), new ResNetLite(), new ResNet10(false), new ResNet10(true)));

  private final Map<String, ModelArchitecture> architectures;

  ModelCatalogue(List<ModelArchitecture> entries) {
    Map<String, ModelArchitecture> byName = new LinkedHashMap<>();
    for (ModelArchitecture entry : entries) {
      if (byName.put(entry.name(), entry) != null) {
        throw new IllegalArgumentException("duplicate catalogue entry '" + entry.name() + "'");
      }
    }
    this.architectures = Collections.unmodifiableMap(byName);
  }

  /** The catalogue this release ships: {@code small-cnn}, {@code resnet-lite}, {@code resnet-10} and {@code resnet-10-cbam}. */
  public static ModelCatalogue standard() {
    return STANDARD;
  }

  /** Entry names, in catalogue order (what a node announces in its Hello). */
  public List<String> names() {
    return List.copyOf(architectures.keySet());
  }

  /** The entry called {@code name}; the error lists the known entries. */
  public ModelArchitecture architecture(String name) {
    Objects.requireNonNull(name, "name");
    ModelArchitecture architecture = architectures.get(name);
    if (architecture == null) {
      throw new IllegalArgumentException(
          "unknown architecture '" + name + "': the catalogue has " + names());
    }
    return architecture;
  }

  /** Returns {@code spec} when its architecture exists and accepts its input size; fails otherwise. */
  public ModelSpec validate(ModelSpec spec) {
    Objects.requireNonNull(spec, "spec");
    ModelArchitecture architecture = architecture(spec.architecture());
    if (spec.inputSize() < architecture.minInputSize() || spec.inputSize() > architecture.maxInputSize()) {
      throw new IllegalArgumentException(
          "input size " + spec.inputSize() + " px is outside the range of " + architecture.name() + ": expected "
              + architecture.minInputSize() + " to " + architecture.maxInputSize() + " px");
    }
    return spec;
  }

  /** The DL4J configuration of the spec's network with the given training setup. */
  public ComputationGraphConfiguration configuration(ModelSpec spec, TrainingSetup setup) {
    Objects.requireNonNull(setup, "setup");
    ModelArchitecture architecture = architecture(validate(spec).architecture());
    WorkspaceMode workspaces = architecture.workspacesSafe() ? WorkspaceMode.ENABLED : WorkspaceMode.NONE;
    NeuralNetConfiguration.Builder defaults =
        new NeuralNetConfiguration.Builder()
            .seed(spec.seed())
            .dataType(DataType.FLOAT)
            .weightInit(WeightInit.RELU)
            .updater(setup.updater())
            .convolutionMode(ConvolutionMode.Same)
            // Workspaces reuse activation memory between iterations instead of allocating
            // off-heap buffers per minibatch; the single biggest CPU speed setting in DL4J.
            .trainingWorkspaceMode(workspaces)
            .inferenceWorkspaceMode(workspaces)
            .cacheMode(CacheMode.NONE)
            .cudnnAlgoMode(ConvolutionLayer.AlgoMode.PREFER_FASTEST);
    if (setup.weightDecay() > 0) {
      defaults.weightDecay(setup.weightDecay(), true);
    }
    GraphBuilder graph =
        defaults
            .graphBuilder()
            .addInputs(INPUT)
            .setInputTypes(InputType.convolutional(spec.inputSize(), spec.inputSize(), spec.channels(), DATA_FORMAT));
    architecture.addLayers(graph, spec, loss(spec, setup));
    return graph.build();
  }

  /** A new network with parameters initialised from {@code spec.seed()}. */
  public ComputationGraph initialise(ModelSpec spec) {
    ComputationGraph network = new ComputationGraph(configuration(spec, TrainingSetup.inference()));
    network.init();
    return network;
  }

  /**
   * A network holding {@code parameters} (DL4J {@code params()} order), configured with
   * {@code setup}; the array is copied, never kept.
   */
  public ComputationGraph build(ModelSpec spec, TrainingSetup setup, float[] parameters) {
    Objects.requireNonNull(parameters, "parameters");
    ComputationGraphConfiguration configuration = configuration(spec, setup);
    long expected = parameterCount(configuration);
    if (parameters.length != expected) {
      throw new IllegalArgumentException(
          "parameter vector for " + spec.architecture() + " at " + spec.inputSize() + " px, "
              + spec.channels() + " channel(s), " + spec.classCount() + " classes must hold "
              + expected + " values, found " + parameters.length);
    }
    ComputationGraph network = new ComputationGraph(configuration);
    network.init(Nd4j.createFromArray(parameters).reshape(1, parameters.length), false);
    return network;
  }

  /** Number of parameters of the spec's network, without allocating it. */
  public long parameterCount(ModelSpec spec) {
    return parameterCount(configuration(spec, TrainingSetup.inference()));
  }

  private static long parameterCount(ComputationGraphConfiguration configuration) {
    long count = 0;
    for (GraphVertex vertex : configuration.getVertices().values()) {
      count += vertex.numParams(true);
    }
    return count;
  }

  private static ILossFunction loss(ModelSpec spec, TrainingSetup setup) {
    double[] weights = setup.classWeights();
    if (weights == null) {
      return new LossMCXENT();
    }
    if (weights.length != spec.classCount()) {
      throw new IllegalArgumentException(
          "class weights must have one entry per class (" + spec.classCount() + "), found " + weights.length);
    }
    return new LossMCXENT(Nd4j.createFromArray(weights).castTo(DataType.FLOAT).reshape(1, weights.length));
  }
}
