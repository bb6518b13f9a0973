package org.oncofed.coordinator.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.oncofed.api.ApiError;

/**
 * The head of the OpenAPI description generated at compile time from the controllers. The file is
 * {@code META-INF/swagger/oncofed.yml} (name set by the compiler argument in the coordinator pom)
 * and is served at {@code /openapi/oncofed.yml}.
 *
 * <p>OpenAPI 3.0 rather than 3.1: the generator renders nullable references in 3.1 as "null and
 * the reference", which no value satisfies. 3.0 has no mutual-TLS security scheme, so the
 * description states the client-certificate requirement instead.
 */
@OpenAPIDefinition(
    info = @Info(
        title = "OncoFed coordinator",
        version = "1",
        description = "REST API of the OncoFed federated learning coordinator for researchers, auditors and "
            + "platform admins. Every call is made over HTTPS with a client certificate issued by the project CA; "
            + "the caller's role (researcher, auditor, admin) is the certificate's OU and its name the CN. "
            + "Error answers carry an ApiError body naming the offending request field where there is one."),
    tags = {
        @Tag(name = "experiments", description = "Define, start, follow and cancel federated experiments; "
            + "download their models and reports."),
        @Tag(name = "sites", description = "Hospital sites known to the coordinator and their connection state.")
    })
final class OpenApiDescription {

  private OpenApiDescription() {}
}
