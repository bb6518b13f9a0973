package org.oncofed.coordinator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class H2FilePathsTest {

  @Test
  void relativeFilePathBecomesAbsoluteAndKeepsItsOptions() {
    String url = H2FilePaths.absolute("jdbc:h2:file:work/db/oncofed;DB_CLOSE_ON_EXIT=FALSE");

    assertThat(url).isEqualTo("jdbc:h2:file:" + Path.of("work/db/oncofed").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  @Test
  void absoluteAndHomeRelativePathsAreLeftAlone() {
    assertThat(H2FilePaths.absolute("jdbc:h2:file:/srv/oncofed/db")).isEqualTo("jdbc:h2:file:/srv/oncofed/db");
    assertThat(H2FilePaths.absolute("jdbc:h2:file:~/oncofed")).isEqualTo("jdbc:h2:file:~/oncofed");
  }

  @Test
  void theAsynchronousFileSystemIsMadeAbsoluteLikeThePlainOne() {
    assertThat(H2FilePaths.absolute("jdbc:h2:async:work/db/oncofed;WRITE_DELAY=0"))
        .isEqualTo("jdbc:h2:async:" + Path.of("work/db/oncofed").toAbsolutePath() + ";WRITE_DELAY=0");
    assertThat(H2FilePaths.absolute("jdbc:postgresql://db/oncofed")).isEqualTo("jdbc:postgresql://db/oncofed");
  }
}
