package org.oncofed.node.dataset;

import java.util.Optional;
import org.oncofed.common.TumourClass;
import org.oncofed.dicom.DicomMetadata;

/** Where a dataset's labels come from: a CSV manifest or class-named folders. */
public interface LabelSource {

  /** The label of one file, from its path relative to the root and its metadata. */
  Optional<TumourClass> labelFor(String relativePath, DicomMetadata metadata);

  /** How the labels were given, for the scan report and the index (no patient data). */
  String description();
}
