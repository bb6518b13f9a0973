package org.oncofed.node.dataset;

import java.util.Optional;
import org.oncofed.common.TumourClass;
import org.oncofed.dicom.DicomMetadata;

/** Labels from class subfolders: {@code ROOT/normal/...}, {@code ROOT/benign/...}, {@code ROOT/malignant/...}. */
public final class FolderLabels implements LabelSource {

  @Override
  public Optional<TumourClass> labelFor(String relativePath, DicomMetadata metadata) {
    int slash = relativePath.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String folder = relativePath.substring(0, slash);
    for (TumourClass c : TumourClass.values()) {
      if (c.label().equalsIgnoreCase(folder)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  @Override
  public String description() {
    return "class folders";
  }
}
