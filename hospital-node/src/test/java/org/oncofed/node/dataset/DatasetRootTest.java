package org.oncofed.node.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetRootTest {

  @TempDir Path temp;

  @Test
  void refusesRelativePathsThatClimbOutOfTheRoot() throws IOException {
    Path root = Files.createDirectories(temp.resolve("root"));
    Files.writeString(temp.resolve("secret.txt"), "outside");
    DatasetRoot dataset = DatasetRoot.open(root);

    assertThatThrownBy(() -> dataset.resolve("../secret.txt")).hasMessageContaining("leads outside the dataset root");
    assertThatThrownBy(() -> dataset.resolve("a/../../secret.txt")).hasMessageContaining("leads outside");
    assertThatThrownBy(() -> dataset.resolve("a/../secret.txt")).hasMessageContaining("must not contain '..'");
    assertThatThrownBy(() -> dataset.resolve(temp.resolve("secret.txt").toString()))
        .hasMessageContaining("must be relative");
  }

  @Test
  void refusesSymbolicLinkThatLeadsOutsideTheRoot() throws IOException {
    Path root = Files.createDirectories(temp.resolve("root"));
    Path outside = Files.writeString(temp.resolve("secret.dcm"), "outside");
    Files.createSymbolicLink(root.resolve("link.dcm"), outside);
    DatasetRoot dataset = DatasetRoot.open(root);

    List<DatasetRoot.Entry> entries = dataset.list();

    assertThat(entries).singleElement().satisfies(e -> {
      assertThat(e.file()).isNull();
      assertThat(e.refusal()).isEqualTo("symbolic link leads outside the dataset root");
    });
    assertThatThrownBy(() -> dataset.resolve("link.dcm")).hasMessageContaining("leads outside the dataset root");
  }

  @Test
  void followsSymbolicLinkToAFileInsideTheRootButNotToFolders() throws IOException {
    Path root = Files.createDirectories(temp.resolve("root"));
    Path real = Files.writeString(Files.createDirectories(root.resolve("a")).resolve("x.dcm"), "inside");
    Files.createSymbolicLink(root.resolve("alias.dcm"), real);
    Files.createSymbolicLink(root.resolve("loop"), root);
    DatasetRoot dataset = DatasetRoot.open(root);

    List<DatasetRoot.Entry> entries = dataset.list();

    assertThat(entries).extracting(DatasetRoot.Entry::relativePath).containsExactly("a/x.dcm", "alias.dcm", "loop");
    assertThat(entries.get(1).file()).isEqualTo(real.toRealPath());
    assertThat(entries.get(2).refusal()).isEqualTo("symbolic link to a folder is not followed");
  }

  @Test
  void refusesARootThatIsNotAFolder() {
    assertThatThrownBy(() -> DatasetRoot.open(temp.resolve("missing"))).hasMessageContaining("is not a folder");
  }
}
