package org.oncofed.common.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oncofed.common.hash.Sha256;

class ProvenanceTest {

  private static final String PARENT = Sha256.hex("parent");
  private static final RuntimeEnvironment RUNTIME =
      new RuntimeEnvironment(
          "1.0.0-M2.1", "1.0.0-M2.1", "cpu", "Example CPU, 2 cores", "openblas", "17.0.15", "Eclipse Adoptium",
          "Linux", "6.1.0", "amd64", 2);
  private static final ModelSpec SPEC =
      new ModelSpec("small-cnn", 128, 1, List.of("normal", "benign", "malignant"), 42);

  static UpdateProvenance update() {
    return UpdateProvenance.of(
        "exp-1",
        3,
        PARENT,
        SPEC,
        new TrainingConfig(2, 32, Optimizer.ADAM, 0.001, 0.0001, true, true, 7, 40, 400, Normalisation.WINDOW, ResizePolicy.ASPECT, 0, false, false, 0, 0),
        new DataFingerprint(Sha256.hex("dataset"), "train", List.of(120L, 40L, 25L)),
        List.of("window c=40 w=400", "resize 128 bilinear", "scale [0,1]"),
        185,
        Sha256.hex("update"),
        RUNTIME,
        1_700_000_000_000L);
  }

  @Test
  void readsTheVersionOneGoldenFileAndWritesItBackByteForByte() throws IOException {
    String golden = resource("/provenance/update-provenance-v1.json").strip();

    UpdateProvenance parsed = UpdateProvenance.parse(golden);

    assertThat(parsed).isEqualTo(update());
    assertThat(parsed.canonicalJson()).isEqualTo(golden);
    assertThat(parsed.sha256()).isEqualTo(Sha256.hex(golden));
  }

  @Test
  void recordsKindAndFormatVersionAndNoFieldOutsideTheRecord() {
    String json = update().canonicalJson();

    assertThat(json).startsWith("{\"createdAtMs\":1700000000000,\"data\":").contains("\"formatVersion\":1")
        .contains("\"kind\":\"local-update\"").contains("\"optimizer\":\"adam\"");
  }

  @Test
  void refusesAFormatVersionThisReleaseDoesNotKnow() {
    String future = update().canonicalJson().replace("\"formatVersion\":1", "\"formatVersion\":2");

    assertThatThrownBy(() -> UpdateProvenance.parse(future))
        .hasMessage("provenance format version 2 is not supported: this release reads version 1");
  }

  @Test
  void refusesProvenanceOfAnotherKind() {
    assertThatThrownBy(() -> GlobalModelProvenance.parse(update().canonicalJson()))
        .hasMessage("expected global-model provenance, found kind 'local-update'");
  }

  @Test
  void globalModelProvenanceRoundTripsForInitialAndAggregatedModels() {
    GlobalModelProvenance initial =
        GlobalModelProvenance.initial("exp-1", SPEC, Sha256.hex("weights file"), Sha256.hex("g0"), RUNTIME, 5);
    GlobalModelProvenance round1 =
        GlobalModelProvenance.aggregated(
            "exp-1", 1, Sha256.hex("g0"), SPEC,
            new GlobalModelProvenance.Aggregation(
                "fedavg", Map.of("maxDeltaNorm", 10.0),
                List.of(new GlobalModelProvenance.Contribution(Sha256.hex("u1"), update().sha256(), 185))),
            Sha256.hex("g1"), RUNTIME, 6);

    assertThat(GlobalModelProvenance.parse(initial.canonicalJson())).isEqualTo(initial);
    assertThat(GlobalModelProvenance.parse(round1.canonicalJson())).isEqualTo(round1);
    assertThat(round1.sha256()).isNotEqualTo(initial.sha256());
  }

  @Test
  void aLaterGlobalModelNeedsItsParentAndAggregation() {
    assertThatThrownBy(
            () -> new GlobalModelProvenance(
                1, "exp-1", 2, Sha256.hex("g1"), SPEC, null, null, Sha256.hex("g2"), RUNTIME, 0))
        .hasMessage("global model provenance: an initial model has neither parent nor aggregation, "
            + "a later one has both");
  }

  @Test
  void capturesTheRunningBackendAndLibraryVersions() {
    RuntimeEnvironment runtime = RuntimeEnvironment.capture();

    assertThat(runtime.backend()).isEqualTo("cpu");
    assertThat(runtime.dl4jVersion()).isEqualTo("1.0.0-M2.1");
    assertThat(runtime.nd4jVersion()).isEqualTo("1.0.0-M2.1");
    assertThat(runtime.cpuCount()).isPositive();
    assertThat(runtime.summary()).startsWith("ND4J backend cpu on ");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ProvenanceTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
