package org.oncofed.node.explain;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.oncofed.common.TumourClass;
import org.oncofed.common.model.ModelCatalogue;
import org.oncofed.common.model.ModelSpec;
import org.oncofed.common.model.TrainingConfig;
import org.oncofed.common.model.TrainingSetup;
import org.oncofed.node.dataset.PreprocessingOptions;
import org.oncofed.node.localdata.LocalData;

/**
 * Grad-CAM explanations of a global model on this site's own test slices, for its radiologists:
 * {@code <data dir>/explanations/<experiment id>/index.html} with an overlay PNG per slice. They
 * are written at the site and stay there; nothing about them goes to the coordinator or the ledger.
 */
@Singleton
public class SiteExplanations {

  /** Experiment ids become folder names: no separators, no dot-only names. */
  private static final Pattern FOLDER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private final int perClass;
  private final LocalData data;
  private final Path root;
  private final Clock clock;

  SiteExplanations(ExplanationConfiguration configuration, LocalData data,
      @Value("${oncofed.node.data-dir}") Path dataDir, Clock clock) {
    this.perClass = configuration.perClass();
    this.data = Objects.requireNonNull(data, "data");
    this.root = dataDir.resolve("explanations");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Explains the model's predictions on the first test slices of each true class.
   *
   * @param parameters the model, in DL4J {@code params()} order for {@code spec}
   * @param preprocessing the input pipeline the model was trained with
   * @return the page written, or empty when explanations are turned off
   */
  public Optional<Path> explainTestSplit(String experimentId, int round, ModelSpec spec, float[] parameters,
      String modelSha256, TrainingConfig preprocessing) throws IOException {
    if (perClass == 0) {
      return Optional.empty();
    }
    if (!FOLDER_NAME.matcher(experimentId).matches()) {
      throw new IllegalArgumentException("experiment id '" + experimentId + "' cannot name a folder: expected "
          + FOLDER_NAME.pattern());
    }
    if (!spec.classes().equals(TumourClass.labels())) {
      throw new IllegalArgumentException("the model's classes " + spec.classes() + " are not the dataset's "
          + TumourClass.labels());
    }
    ModelCatalogue catalogue = ModelCatalogue.standard();
    GradCam cam = new GradCam(catalogue.build(catalogue.validate(spec), TrainingSetup.inference(), parameters));
    var slices = data.slices(LocalData.Part.TEST);
    var batches = data.iterator(LocalData.Part.TEST, PreprocessingOptions.of(spec, preprocessing, false));
    var header = new ExplanationPage.Header(experimentId, round, modelSha256,
        spec.architecture() + " at " + spec.inputSize() + " px", clock.instant());
    return Optional.of(new ExplanationWriter(perClass)
        .write(root.resolve(experimentId), header, spec.classes(), cam, slices, batches));
  }
}
