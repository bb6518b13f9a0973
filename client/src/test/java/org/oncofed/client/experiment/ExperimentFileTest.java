package org.oncofed.client.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.common.hash.CanonicalJson;

/** Reading configuration files and applying command-line overrides, before anything is sent. */
class ExperimentFileTest {

  @TempDir Path dir;

  @Test
  void overridesCreateMissingObjectsAndReplaceValues() throws Exception {
    Path file = Files.writeString(dir.resolve("e.yaml"), "name: yaml\nrounds: 3\ntraining: {epochs: 1}\n");

    String json = ExperimentFile.read(file)
        .override("rounds", 7)
        .override("training.epochs", 4)
        .override("strategy.name", "median")
        .override("sites", List.of("north", "south"))
        .override("minNodes", null)
        .json();

    assertThat(CanonicalJson.parse(json)).isEqualTo(CanonicalJson.parse("""
        {"name": "yaml", "rounds": 7, "training": {"epochs": 4}, "strategy": {"name": "median"},
         "sites": ["north", "south"]}"""));
  }

  @Test
  void refusesAKeyGivenTwice() throws Exception {
    Path file = Files.writeString(dir.resolve("twice.json"), "{\"rounds\": 3,\n \"rounds\": 5}");

    assertThatThrownBy(() -> ExperimentFile.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(file + " is not valid JSON (line 2, column")
        .hasMessageContaining("Duplicate field 'rounds'");
  }

  @Test
  void refusesTextAfterTheObject() throws Exception {
    Path file = Files.writeString(dir.resolve("trailing.json"), "{\"rounds\": 3} {\"rounds\": 4}");

    assertThatThrownBy(() -> ExperimentFile.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(file + " is not valid JSON");
  }

  @Test
  void refusesAFileThatIsNotAnObject() throws Exception {
    Path file = Files.writeString(dir.resolve("list.yml"), "- rounds: 3\n");

    assertThatThrownBy(() -> ExperimentFile.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessage(file + " must hold one object (the experiment configuration), found array");
  }

  @Test
  void refusesAnOverrideThroughAValueThatIsNotAnObject() throws Exception {
    Path file = Files.writeString(dir.resolve("e.json"), "{\"training\": 5}");

    assertThatThrownBy(() -> ExperimentFile.read(file).override("training.epochs", 2))
        .isInstanceOf(BadInputException.class)
        .hasMessage("cannot set training.epochs: 'training' in " + file + " is not an object");
  }

  @Test
  void refusesAnUnknownExtension() throws Exception {
    Path file = Files.writeString(dir.resolve("e.txt"), "{}");

    assertThatThrownBy(() -> ExperimentFile.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessage("experiment file must end in .json, .yml or .yaml, found " + file);
  }
}
