package org.oncofed.coordinator.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.oncofed.api.ApiError;
import org.oncofed.api.ExperimentConfig;
import org.oncofed.api.ExperimentReport;
import org.oncofed.api.ExperimentView;
import org.oncofed.coordinator.experiment.ExperimentRecord;
import org.oncofed.coordinator.experiment.ExperimentService;
import org.oncofed.coordinator.model.ModelStore;
import org.oncofed.coordinator.report.ExperimentReports;
import org.oncofed.coordinator.report.HtmlReport;

/**
 * The researchers' experiment API. Anyone with a reading role may look; only the researcher who
 * created an experiment (or an admin) may change it. The caller is always the certificate holder.
 */
@Controller("/api/experiments")
@Tag(name = "experiments")
@Secured({"researcher", "auditor", "admin"})
@ExecuteOn(TaskExecutors.BLOCKING)
class ExperimentController {

  private final ExperimentService experiments;
  private final ExperimentViews views;
  private final ExperimentReports reports;
  private final ModelStore models;
  private final RequestBodies bodies;
  private final HttpServerConfiguration server;

  ExperimentController(ExperimentService experiments, ExperimentViews views, ExperimentReports reports,
      ModelStore models, RequestBodies bodies, HttpServerConfiguration server) {
    this.experiments = experiments;
    this.views = views;
    this.reports = reports;
    this.models = models;
    this.bodies = bodies;
    this.server = server;
  }

  /**
   * Creates an experiment from its configuration; its initial model is built at once. Values of
   * the wrong JSON type, non-finite numbers and anything after the JSON document are refused.
   */
  @Post
  @Consumes(MediaType.APPLICATION_JSON)
  @Secured("researcher")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
      schema = @Schema(implementation = ExperimentConfig.class)))
  @ApiResponse(responseCode = "201", description = "Created, with the hash of the initial model.",
      content = @Content(schema = @Schema(implementation = ExperimentView.class)))
  @ApiResponse(responseCode = "400", description = "Invalid configuration; each error names its field.",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  HttpResponse<ExperimentView> create(HttpRequest<byte[]> request, Authentication caller) {
    byte[] body = request.getBody().orElse(new byte[0]);
    ExperimentRecord created = experiments.create(bodies.read(body, ExperimentConfig.class), caller.getName());
    return HttpResponse.created(views.view(created));
  }

  /** Every experiment, newest first. */
  @Get
  List<ExperimentView.Summary> list() {
    return experiments.list().stream().map(ExperimentViews::summary).toList();
  }

  /** An experiment's configuration, progress, rounds with metrics, open tasks and final results. */
  @Get("/{id}")
  ExperimentView status(String id) {
    return views.view(experiments.require(id));
  }

  /** Starts a created experiment (its creator or an admin). */
  @Post("/{id}/start")
  @Secured({"researcher", "admin"})
  ExperimentView start(String id, Authentication caller) {
    requireOwner(id, caller);
    return views.view(experiments.start(id, caller.getName()));
  }

  /** Cancels a created or running experiment (its creator or an admin). */
  @Post("/{id}/cancel")
  @Secured({"researcher", "admin"})
  ExperimentView cancel(String id, Authentication caller) {
    requireOwner(id, caller);
    return views.view(experiments.cancel(id, caller.getName()));
  }

  /**
   * Replaces the initial model with pretrained weights (a parameter vector file or a DL4J model zip).
   * The body is streamed, not bound: the framework buffers a bound body only up to its
   * {@code max-request-buffer-size} (10 MiB), less than a resnet-lite model. Its size is capped by
   * {@code micronaut.server.max-request-size}, sized for the largest catalogue model as a DL4J zip
   * with its updater state; a declared length over it is refused before anything is read.
   */
  @Put("/{id}/initial-model")
  @Consumes(MediaType.APPLICATION_OCTET_STREAM)
  @Secured("researcher")
  @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
      schema = @Schema(type = "string", format = "binary")))
  ExperimentView initialModel(String id, HttpRequest<?> request, Authentication caller) throws IOException {
    ByteBody body = ((ServerHttpRequest<?>) request).byteBody();
    long declared = body.expectedLength().orElse(0);
    if (declared > server.getMaxRequestSize()) {
      throw new ContentLengthExceededException(server.getMaxRequestSize(), declared);
    }
    requireOwner(id, caller);
    try (InputStream weights = body.toInputStream()) {
      return views.view(experiments.usePretrained(id, weights, caller.getName()));
    }
  }

  /** The best global model so far (or the current one before any validation), as F32_LE_V1 parameters. */
  @Get(value = "/{id}/model", produces = MediaType.APPLICATION_OCTET_STREAM)
  HttpResponse<SystemFile> model(String id) {
    ExperimentRecord experiment = experiments.require(id);
    String sha256 = reports.resultModel(experiment);
    return HttpResponse.ok(new SystemFile(models.file(sha256).toFile()).attach("oncofed-" + sha256 + ".f32"))
        .header("X-OncoFed-Model-Sha256", sha256);
  }

  /** The experiment report as JSON: configuration, every round, the final comparison. */
  @Get("/{id}/report")
  ExperimentReport report(String id) {
    return reports.report(experiments.require(id));
  }

  /** The experiment report as one self-contained HTML page with charts. */
  @Get(value = "/{id}/report.html", produces = MediaType.TEXT_HTML)
  String reportHtml(String id) {
    return HtmlReport.render(reports.report(experiments.require(id)));
  }

  private void requireOwner(String id, Authentication caller) {
    ExperimentOwners.require(experiments.require(id), caller);
  }
}
