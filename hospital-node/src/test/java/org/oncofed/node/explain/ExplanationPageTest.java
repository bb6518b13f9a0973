package org.oncofed.node.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationPageTest {

  private static final List<String> CLASSES = List.of("normal", "benign", "malignant");
  private static final ExplanationPage.Header HEADER = new ExplanationPage.Header(
      "exp-7", 3, "ab12cd", "small-cnn at 64 px", Instant.parse("2024-11-21T10:00:00Z"));

  @Test
  void groupsSlicesByTrueClassInClassOrderWithTheirProbabilities() {
    String html = ExplanationPage.html(HEADER, CLASSES, List.of(
        entry("p2/ct-01.dcm", 2, 2, new float[] {0.1f, 0.2f, 0.7f}),
        entry("p1/ct-04.dcm", 0, 1, new float[] {0.3f, 0.6f, 0.1f})));

    assertThat(html).contains("exp-7", "round 3", "ab12cd", "small-cnn at 64 px", "never left the site");
    assertThat(html.indexOf("True class: normal (1 slice)")).isLessThan(html.indexOf("p1/ct-04.dcm"));
    assertThat(html.indexOf("p1/ct-04.dcm")).isLessThan(html.indexOf("True class: benign (0 slices)"));
    assertThat(html.indexOf("True class: malignant (1 slice)")).isLessThan(html.indexOf("p2/ct-01.dcm"));
    assertThat(html).contains("<td>malignant</td><td>70.0%</td>", "<td>benign</td><td>60.0%</td>");
    assertThat(html).contains("predicted: <span class=\"wrong\">benign</span>", "predicted: <span>malignant</span>");
    assertThat(html).doesNotContain("<script", "http://", "https://");
  }

  @Test
  void roundZeroIsTheExperimentsFinalTest() {
    ExplanationPage.Header finalTest = new ExplanationPage.Header(
        "exp-7", 0, "ab12cd", "small-cnn at 64 px", Instant.parse("2024-11-21T10:00:00Z"));

    assertThat(ExplanationPage.html(finalTest, CLASSES, List.of())).contains("exp-7</code>, final test,")
        .doesNotContain("round 0");
  }

  @Test
  void escapesSliceNamesTakenFromTheArchive() {
    String html = ExplanationPage.html(HEADER, CLASSES,
        List.of(entry("a<b>&\"c\".dcm", 1, 1, new float[] {0, 1, 0})));

    assertThat(html).contains("a&lt;b&gt;&amp;&quot;c&quot;.dcm").doesNotContain("a<b>");
  }

  private static ExplanationPage.Entry entry(String slice, int truth, int predicted, float[] probabilities) {
    return new ExplanationPage.Entry(slice, truth,
        new Explanation(probabilities, predicted, predicted, 1, 1, new float[] {1}), slice.hashCode() + ".png");
  }
}
