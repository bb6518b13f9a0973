package org.oncofed.common.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.oncofed.common.hash.Sha256;

/**
 * Starting weights a researcher supplies as a file for transfer learning; nothing is downloaded.
 * Two formats are read, told apart by content:
 *
 * <ul>
 *   <li>a DL4J {@code ComputationGraph} saved with {@code ModelSerializer} (a zip), typically the
 *       same catalogue architecture pretrained elsewhere: every parameter is copied by name and must
 *       have the spec's shape, except the classifier head ({@link ModelCatalogue#OUTPUT}), which
 *       keeps its seeded initialisation when the number of classes differs;
 *   <li>a raw {@link ParameterEncoding#F32_LE_V1} vector, such as a global model from an earlier
 *       experiment, which must hold exactly the spec's parameter count.
 * </ul>
 *
 * Input size does not change any parameter shape (the networks pool globally), so weights
 * pretrained at one input size load at another; channels and widths must match.
 *
 * @param parameters the resulting vector, in DL4J {@code params()} order for the spec
 * @param fileSha256 SHA-256 of the file, recorded in the initial model's provenance
 * @param freshParameters parameters left at their seeded initialisation (a new classifier head)
 */
public record PretrainedWeights(float[] parameters, String fileSha256, List<String> freshParameters) {

  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

  public PretrainedWeights {
    Objects.requireNonNull(parameters, "parameters");
    Sha256.requireHexDigest(fileSha256, "pretrained weights hash");
    freshParameters = List.copyOf(freshParameters);
  }

  /** Loads {@code file} as starting weights for {@code spec}; the error names any mismatch. */
  public static PretrainedWeights load(Path file, ModelSpec spec, ModelCatalogue catalogue) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(catalogue, "catalogue");
    catalogue.validate(spec);
    String sha256 = Sha256.hex(file);
    if (isZip(file)) {
      return fromDl4jModel(file, spec, catalogue, sha256);
    }
    long expectedParameters = catalogue.parameterCount(spec);
    long expectedBytes = ParameterEncoding.F32_LE_V1.sizeBytes(expectedParameters);
    long size = Files.size(file);
    if (size != expectedBytes) {
      throw new IllegalArgumentException(
          "pretrained weights " + file.getFileName() + " hold " + size + " bytes: expected a DL4J model zip, or an "
              + "F32_LE_V1 vector of " + expectedParameters + " parameters (" + expectedBytes + " bytes) for "
              + describe(spec));
    }
    float[] parameters = EncodedParameters.of(ParameterEncoding.F32_LE_V1, Files.readAllBytes(file)).decode();
    return new PretrainedWeights(parameters, sha256, List.of());
  }

  private static PretrainedWeights fromDl4jModel(
      Path file, ModelSpec spec, ModelCatalogue catalogue, String sha256) throws IOException {
    ComputationGraph source;
    try {
      source = ModelSerializer.restoreComputationGraph(file.toFile(), false);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "pretrained weights " + file.getFileName() + " are not a DL4J ComputationGraph model: " + e.getMessage(), e);
    }
    ComputationGraph target = catalogue.initialise(spec);
    Map<String, INDArray> sourceParams = source.paramTable();
    List<String> fresh = new ArrayList<>();
    for (Map.Entry<String, INDArray> entry : target.paramTable().entrySet()) {
      String name = entry.getKey();
      INDArray wanted = entry.getValue();
      INDArray found = sourceParams.get(name);
      boolean head = name.startsWith(ModelCatalogue.OUTPUT + "_");
      if (found != null && Arrays.equals(found.shape(), wanted.shape())) {
        wanted.assign(found);
      } else if (head) {
        fresh.add(name);
      } else {
        throw new IllegalArgumentException(
            "pretrained weights " + file.getFileName() + " do not fit " + describe(spec) + ": parameter " + name
                + " must have shape " + Arrays.toString(wanted.shape()) + ", found "
                + (found == null ? "no such parameter" : Arrays.toString(found.shape())));
      }
    }
    return new PretrainedWeights(NetworkParameters.read(target), sha256, fresh);
  }

  private static boolean isZip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(ZIP_MAGIC.length), ZIP_MAGIC);
    }
  }

  private static String describe(ModelSpec spec) {
    return spec.architecture() + " (" + spec.channels() + " channel(s), " + spec.classCount() + " classes)";
  }
}
