package org.oncofed.common.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.oncofed.common.hash.Sha256;

class PretrainedWeightsTest {

  private static final List<String> THREE = List.of("normal", "benign", "malignant");
  private final ModelCatalogue catalogue = ModelCatalogue.standard();
  @TempDir Path dir;

  @Test
  void copiesABackbonePretrainedOnOtherClassesAndKeepsAFreshHead() throws IOException {
    ModelSpec pretrainedSpec = new ModelSpec("small-cnn", 64, 1, List.of("healthy", "lesion"), 1);
    ComputationGraph pretrained = catalogue.initialise(pretrainedSpec);
    Path file = dir.resolve("backbone.zip");
    ModelSerializer.writeModel(pretrained, file.toFile(), false);
    ModelSpec spec = new ModelSpec("small-cnn", 32, 1, THREE, 2);

    PretrainedWeights weights = PretrainedWeights.load(file, spec, catalogue);

    assertThat(weights.fileSha256()).isEqualTo(Sha256.hex(file));
    assertThat(weights.freshParameters()).containsExactly("output_W", "output_b");
    ComputationGraph loaded = catalogue.build(spec, TrainingSetup.inference(), weights.parameters());
    ComputationGraph seeded = catalogue.initialise(spec);
    for (Map.Entry<String, INDArray> param : loaded.paramTable().entrySet()) {
      INDArray expected = param.getKey().startsWith("output_")
          ? seeded.getParam(param.getKey())
          : pretrained.getParam(param.getKey());
      assertThat(param.getValue().ravel().toFloatVector()).as(param.getKey()).containsExactly(expected.ravel().toFloatVector());
    }
  }

  @Test
  void rejectsABackboneWhoseShapesDoNotFitTheSpec() throws IOException {
    Path file = dir.resolve("rgb.zip");
    ModelSerializer.writeModel(catalogue.initialise(new ModelSpec("small-cnn", 32, 3, THREE, 1)), file.toFile(), false);
    ModelSpec spec = new ModelSpec("small-cnn", 32, 1, THREE, 1);

    assertThatThrownBy(() -> PretrainedWeights.load(file, spec, catalogue))
        .hasMessage("pretrained weights rgb.zip do not fit small-cnn (1 channel(s), 3 classes): parameter block1_conv_W "
            + "must have shape [16, 1, 3, 3], found [16, 3, 3, 3]");
  }

  @Test
  void rejectsABackboneOfAnotherArchitectureNamingTheMissingParameter() throws IOException {
    Path file = dir.resolve("cnn.zip");
    ModelSerializer.writeModel(catalogue.initialise(new ModelSpec("small-cnn", 32, 3, THREE, 1)), file.toFile(), false);
    ModelSpec spec = new ModelSpec("resnet-lite", 32, 3, THREE, 1);

    assertThatThrownBy(() -> PretrainedWeights.load(file, spec, catalogue))
        .hasMessageContaining("parameter stem_conv_W must have shape [32, 3, 7, 7], found no such parameter");
  }

  @Test
  void loadsAnEncodedVectorOfExactlyTheSpecsParameterCount() throws IOException {
    ModelSpec spec = new ModelSpec("small-cnn", 32, 1, THREE, 9);
    float[] parameters = NetworkParameters.read(catalogue.initialise(spec));
    Path file = dir.resolve("global.f32");
    Files.write(file, EncodedParameters.encode(parameters).toByteArray());

    PretrainedWeights weights = PretrainedWeights.load(file, spec, catalogue);

    assertThat(weights.parameters()).containsExactly(parameters);
    assertThat(weights.freshParameters()).isEmpty();
  }

  @Test
  void rejectsAFileThatIsNeitherAModelNorAVectorOfTheRightSize() throws IOException {
    Path file = dir.resolve("short.f32");
    Files.write(file, new byte[40]);
    ModelSpec spec = new ModelSpec("small-cnn", 32, 1, THREE, 9);

    assertThatThrownBy(() -> PretrainedWeights.load(file, spec, catalogue))
        .hasMessage("pretrained weights short.f32 hold 40 bytes: expected a DL4J model zip, or an F32_LE_V1 vector of "
            + "97539 parameters (390156 bytes) for small-cnn (1 channel(s), 3 classes)");
  }
}
