package org.oncofed.coordinator.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.deeplearning4j.util.ModelSerializer;
import org.oncofed.api.ApiError;
import org.oncofed.api.ModelCard;
import org.oncofed.api.ReleaseRequest;
import org.oncofed.api.ReleaseView;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.common.model.ModelCatalogue;
import org.oncofed.common.model.ModelSpec;
import org.oncofed.common.model.TrainingSetup;
import org.oncofed.coordinator.experiment.ExperimentService;
import org.oncofed.coordinator.model.ModelStore;
import org.oncofed.coordinator.release.ModelReleases;
import org.oncofed.coordinator.release.ReleaseRecord;

/**
 * The model registry: researchers release a completed experiment's global model (its creator or an
 * admin); researchers, auditors and admins list releases, read their signed cards and download the
 * model, as OncoFed parameters or as a DL4J model file any DL4J program loads.
 */
@Controller("/api")
@Secured({"researcher", "auditor", "admin"})
@ExecuteOn(TaskExecutors.BLOCKING)
class ReleaseController {

  private final ModelReleases releases;
  private final ExperimentService experiments;
  private final ModelStore models;
  private final RequestBodies bodies;

  ReleaseController(ModelReleases releases, ExperimentService experiments, ModelStore models, RequestBodies bodies) {
    this.releases = releases;
    this.experiments = experiments;
    this.models = models;
    this.bodies = bodies;
  }

  /** Releases a global model of a completed experiment; the card is signed by the coordinator. */
  @Post("/experiments/{id}/releases")
  @Consumes(MediaType.APPLICATION_JSON)
  @Secured({"researcher", "admin"})
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
      schema = @Schema(implementation = ReleaseRequest.class)))
  @ApiResponse(responseCode = "201", description = "Released, with the signed model card.",
      content = @Content(schema = @Schema(implementation = ReleaseView.class)))
  @ApiResponse(responseCode = "400", description = "Not completed, not a global model of it, or released already.",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  HttpResponse<ReleaseView> release(String id, HttpRequest<byte[]> request, Authentication caller) {
    ExperimentOwners.require(experiments.require(id), caller);
    ReleaseRequest body = bodies.read(request.getBody().orElse(new byte[0]), ReleaseRequest.class);
    return HttpResponse.created(view(releases.release(id, body, caller.getName())));
  }

  /** Every released model, oldest first. */
  @Get("/releases")
  List<ReleaseView> list() {
    return releases.list().stream().map(ReleaseController::view).toList();
  }

  @Get("/releases/{id}")
  ReleaseView get(String id) {
    return view(releases.require(id));
  }

  /** The released parameters, F32_LE_V1, as the federation stores them. */
  @Get(value = "/releases/{id}/model", produces = MediaType.APPLICATION_OCTET_STREAM)
  HttpResponse<SystemFile> model(String id) {
    ReleaseRecord release = releases.require(id);
    return HttpResponse.ok(new SystemFile(models.file(release.modelSha256()).toFile())
            .attach("oncofed-" + release.modelSha256() + ".f32"))
        .header("X-OncoFed-Model-Sha256", release.modelSha256());
  }

  /** The released model as a DL4J ComputationGraph file, for programs that do not use OncoFed. */
  @Get(value = "/releases/{id}/dl4j", produces = MediaType.APPLICATION_OCTET_STREAM)
  HttpResponse<byte[]> dl4j(String id) {
    ReleaseRecord release = releases.require(id);
    ModelCard card = card(release);
    ModelSpec spec = new ModelSpec(card.architecture(), card.inputSize(), card.channels(), card.classes(), 0);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    try {
      ModelSerializer.writeModel(ModelCatalogue.standard().build(spec, TrainingSetup.inference(),
          models.read(release.modelSha256()).decode()), file, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the DL4J model file of release " + id, e);
    }
    return HttpResponse.ok(file.toByteArray())
        .header("Content-Disposition", "attachment; filename=\"" + release.name().replaceAll("[^A-Za-z0-9._-]", "_")
            + "-dl4j.zip\"")
        .header("X-OncoFed-Model-Sha256", release.modelSha256());
  }

  private static ReleaseView view(ReleaseRecord release) {
    return new ReleaseView(release.id(), card(release), release.cardJson(), release.signature(), release.signerPem());
  }

  private static ModelCard card(ReleaseRecord release) {
    try {
      return CanonicalJson.mapper().readValue(release.cardJson(), ModelCard.class);
    } catch (IOException e) {
      throw new UncheckedIOException("the stored card of release " + release.id() + " cannot be read", e);
    }
  }
}
