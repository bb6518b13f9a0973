package org.oncofed.node.dataset;

import org.oncofed.common.TumourClass;

/** One training example: a frame of an indexed instance, with its label and patient key. */
public record SliceRef(
    String path, int frame, TumourClass label, String patientKey, String contentSha256, long bytes) {}
