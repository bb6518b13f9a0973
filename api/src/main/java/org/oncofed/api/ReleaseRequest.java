package org.oncofed.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A researcher's request to release a global model of a completed experiment.
 *
 * @param name shown in the registry, for example {@code lung-nodule-classifier v1}
 * @param model SHA-256 of one of the experiment's global models; its result model when absent
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record ReleaseRequest(
    @NotBlank @Size(max = 200) @Pattern(regexp = "\\P{Cntrl}*", message = "must not contain control characters")
    String name,
    @Nullable @Pattern(regexp = "[0-9a-f]{64}", message = "must be a SHA-256 in lower-case hex") String model) {}
