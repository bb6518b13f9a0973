package org.oncofed.common.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class ModelCatalogueTest {

  private static final List<String> CLASSES = List.of("normal", "benign", "malignant");
  private final ModelCatalogue catalogue = ModelCatalogue.standard();

  private static ModelSpec spec(String architecture, int size, int channels, long seed) {
    return new ModelSpec(architecture, size, channels, CLASSES, seed);
  }

  @Test
  void sameSpecAndSeedGiveBitIdenticalInitialParametersEvenOnAnotherThread() throws Exception {
    for (String architecture : catalogue.names()) {
      ModelSpec spec = spec(architecture, 32, 3, 42);
      float[] first = NetworkParameters.read(catalogue.initialise(spec));
      float[] second =
          CompletableFuture.supplyAsync(() -> NetworkParameters.read(catalogue.initialise(spec))).get();

      assertThat(EncodedParameters.encode(second).sha256())
          .as(architecture)
          .isEqualTo(EncodedParameters.encode(first).sha256());
    }
  }

  @Test
  void differentSeedsGiveDifferentInitialParameters() {
    float[] a = NetworkParameters.read(catalogue.initialise(spec("small-cnn", 32, 1, 1)));
    float[] b = NetworkParameters.read(catalogue.initialise(spec("small-cnn", 32, 1, 2)));

    assertThat(a).hasSameSizeAs(b).isNotEqualTo(b);
  }

  @Test
  void rejectsUnknownArchitectureListingTheCatalogue() {
    assertThatThrownBy(() -> catalogue.validate(spec("vgg-16", 64, 1, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown architecture 'vgg-16': the catalogue has [small-cnn, resnet-lite, resnet-10, "
            + "resnet-10-cbam]");
  }

  @Test
  void rejectsInputSizeOutsideTheArchitectureRange() {
    assertThatThrownBy(() -> catalogue.initialise(spec("small-cnn", 16, 1, 0)))
        .hasMessage("input size 16 px is outside the range of small-cnn: expected 32 to 256 px");
    assertThatThrownBy(() -> catalogue.validate(spec("resnet-lite", 1024, 3, 0)))
        .hasMessage("input size 1024 px is outside the range of resnet-lite: expected 32 to 512 px");
  }

  @Test
  void parameterCountDoesNotDependOnInputSizeAndMatchesTheBuiltNetwork() {
    ModelSpec small = spec("small-cnn", 32, 1, 0);

    assertThat(catalogue.parameterCount(small))
        .isEqualTo(catalogue.initialise(small).numParams())
        .isEqualTo(catalogue.parameterCount(spec("small-cnn", 128, 1, 0)))
        .isEqualTo(97_539);
    assertThat(catalogue.parameterCount(spec("resnet-lite", 224, 3, 0))).isEqualTo(2_804_451);
    assertThat(catalogue.parameterCount(spec("resnet-10", 128, 1, 0))).isEqualTo(1_225_155)
        .isEqualTo(catalogue.parameterCount(spec("resnet-10", 64, 1, 0)));
    assertThat(catalogue.parameterCount(spec("resnet-10-cbam", 128, 1, 0))).isEqualTo(1_247_851);
  }

  @Test
  void buildHoldsTheGivenParametersWhateverTheTrainingSetup() {
    ModelSpec spec = spec("small-cnn", 32, 1, 7);
    float[] parameters = NetworkParameters.read(catalogue.initialise(spec));
    TrainingConfig config = new TrainingConfig(1, 4, Optimizer.NESTEROVS, 0.01, 1e-4, true, false, 3, 40, 400, Normalisation.WINDOW, ResizePolicy.ASPECT, 0, false, false, 0, 0);

    ComputationGraph network =
        catalogue.build(spec, TrainingSetup.of(config, new double[] {1, 2, 3}), parameters);

    assertThat(NetworkParameters.read(network)).containsExactly(parameters);
  }

  @Test
  void buildRejectsVectorOfTheWrongLength() {
    ModelSpec spec = spec("small-cnn", 32, 1, 7);

    assertThatThrownBy(() -> catalogue.build(spec, TrainingSetup.inference(), new float[10]))
        .hasMessage("parameter vector for small-cnn at 32 px, 1 channel(s), 3 classes must hold 97539 values, found 10");
  }

  @Test
  void buildRejectsClassWeightsOfTheWrongLength() {
    ModelSpec spec = spec("small-cnn", 32, 1, 7);
    TrainingConfig config = new TrainingConfig(1, 4, Optimizer.ADAM, 0.01, 0, true, false, 3, 40, 400, Normalisation.WINDOW, ResizePolicy.ASPECT, 0, false, false, 0, 0);

    assertThatThrownBy(() -> catalogue.configuration(spec, TrainingSetup.of(config, new double[] {1, 2})))
        .hasMessage("class weights must have one entry per class (3), found 2");
  }

  @Test
  void networksMapNchwSlicesToClassProbabilities() {
    for (String architecture : catalogue.names()) {
      ComputationGraph network = catalogue.initialise(spec(architecture, 32, 1, 5));
      INDArray slices = Nd4j.rand(new int[] {2, 1, 32, 32});

      INDArray probabilities = network.outputSingle(slices);

      assertThat(probabilities.shape()).as(architecture).containsExactly(2, 3);
      assertThat(probabilities.sum(1).toDoubleVector()).containsExactly(new double[] {1, 1}, within(1e-5));
    }
  }

  @Test
  void everyEntryTrainsAndKeepsItsParametersThroughTheVectorAndADl4jFile(@TempDir Path temp)
      throws Exception {
    for (String architecture : catalogue.names()) {
      ModelSpec spec = spec(architecture, 32, 1, 9);
      float[] initial = NetworkParameters.read(catalogue.initialise(spec));
      ComputationGraph network = catalogue.build(spec, TrainingSetup.of(new TrainingConfig(1, 4, Optimizer.ADAM,
          0.01, 0, false, false, 3, 40, 400, Normalisation.WINDOW, ResizePolicy.ASPECT, 0, false, false, 0, 0),
          null), initial);
      INDArray labels = Nd4j.zeros(4, 3);
      for (int i = 0; i < 4; i++) {
        labels.putScalar(i, i % 3, 1);
      }
      // Two steps: a network whose memory is reused between iterations could fail only in the second.
      network.fit(new DataSet(Nd4j.rand(new int[] {4, 1, 32, 32}), labels));
      network.fit(new DataSet(Nd4j.rand(new int[] {4, 1, 32, 32}), labels));
      float[] trained = NetworkParameters.read(network);

      assertThat(trained).as(architecture).isNotEqualTo(initial);
      assertThat(trained).as(architecture).doesNotContain(Float.NaN);
      assertThat(NetworkParameters.read(catalogue.build(spec, TrainingSetup.inference(), trained)))
          .as(architecture).isEqualTo(trained);
      Path file = temp.resolve(architecture + ".zip");
      ModelSerializer.writeModel(network, file.toFile(), false);
      assertThat(NetworkParameters.read(ModelSerializer.restoreComputationGraph(file.toFile(), false)))
          .as(architecture).isEqualTo(trained);
    }
  }

  @Test
  void residualNetworksStartEveryBlockAsTheIdentity() {
    ComputationGraph network = catalogue.initialise(spec("resnet-10-cbam", 32, 1, 4));

    for (String block : List.of("s1", "s2", "s3", "s4")) {
      assertThat(network.getLayer(block + "b_conv").getParam("W").amaxNumber().doubleValue()).as(block).isZero();
    }
    assertThat(network.getLayer("s1_cbam_mlp1").getParam("W").amaxNumber().doubleValue()).isPositive();
  }
}
