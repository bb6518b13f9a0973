package org.oncofed.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.oncofed.common.SiteId;
import org.oncofed.common.TumourClass;

/**
 * A dataset divided into sites by a column: every patient, with all their files, in exactly one
 * site (so the nodes' patient splits stay patient splits), site names derived from the column's
 * values, groups with too few patients merged into {@value #OTHER} or refused. The pooled
 * reference holds every site's files.
 */
final class SitePlan {

  static final String OTHER = "other";
  static final String POOLED = "pooled";

  /** What to do with a value held by fewer patients than the minimum. */
  enum SmallSites { MERGE, REFUSE }

  /**
   * @param values the column values the site stands for
   * @param files the site's labelled files, in path order
   */
  record Site(String id, List<String> values, List<LabelledFiles.LabelledFile> files) {

    int patients() {
      return (int) files.stream().map(LabelledFiles.LabelledFile::patientId).distinct().count();
    }

    /** Files per class, in {@link TumourClass} order. */
    long[] filesPerClass() {
      long[] counts = new long[TumourClass.values().length];
      files.forEach(f -> counts[f.label().ordinal()]++);
      return counts;
    }

    Set<TumourClass> classes() {
      Set<TumourClass> classes = new TreeSet<>();
      files.forEach(f -> classes.add(f.label()));
      return classes;
    }

    /** Writes the node's label manifest for this site: the site's files by path, nothing else. */
    Path writeManifest(Path file) throws IOException {
      StringBuilder csv = new StringBuilder("path,label\n");
      for (LabelledFiles.LabelledFile f : files) {
        csv.append(quote(f.path())).append(',').append(f.label().label()).append('\n');
      }
      Files.createDirectories(file.getParent());
      return Files.writeString(file, csv, StandardCharsets.UTF_8);
    }
  }

  private final List<Site> sites;
  private final int unassignedPatients;

  private SitePlan(List<Site> sites, int unassignedPatients) {
    this.sites = sites;
    this.unassignedPatients = unassignedPatients;
  }

  /**
   * Divides {@code files} by the column. Patients the column does not list are left out and
   * counted; a site left with a single class, fewer than two sites, or a value too small to stand
   * alone under {@link SmallSites#REFUSE} is an error naming the site.
   */
  static SitePlan divide(List<LabelledFiles.LabelledFile> files, SiteColumn column, int minPatients, SmallSites small)
      throws IOException {
    Map<String, List<LabelledFiles.LabelledFile>> byValue = new TreeMap<>();
    Set<String> unassigned = new HashSet<>();
    for (LabelledFiles.LabelledFile file : files) {
      column.valueOf(file.patientId()).ifPresentOrElse(
          value -> byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(file),
          () -> unassigned.add(file.patientId()));
    }
    if (byValue.isEmpty()) {
      throw new IOException("no patient of the dataset is listed in " + column.describe()
          + "; are the patient IDs of the files the ones in that CSV?");
    }
    Map<String, Site> sites = new LinkedHashMap<>();
    List<String> smallValues = new ArrayList<>();
    List<LabelledFiles.LabelledFile> smallFiles = new ArrayList<>();
    for (Map.Entry<String, List<LabelledFiles.LabelledFile>> group : byValue.entrySet()) {
      long patients = group.getValue().stream().map(LabelledFiles.LabelledFile::patientId).distinct().count();
      if (patients < minPatients) {
        if (small == SmallSites.REFUSE) {
          throw new IOException("'" + group.getKey() + "' of " + column.describe() + " has " + patients
              + " patients, fewer than the minimum of " + minPatients + " for a site; lower --min-patients or let "
              + "small groups merge into '" + OTHER + "'");
        }
        smallValues.add(group.getKey());
        smallFiles.addAll(group.getValue());
        continue;
      }
      add(sites, new Site(siteId(group.getKey(), column), List.of(group.getKey()), List.copyOf(group.getValue())));
    }
    if (!smallFiles.isEmpty()) {
      Site other = new Site(OTHER, List.copyOf(smallValues), smallFiles.stream()
          .sorted((a, b) -> a.path().compareTo(b.path())).toList());
      if (other.patients() < minPatients) {
        throw new IOException("the groups of " + column.describe() + " with fewer than " + minPatients
            + " patients hold only " + other.patients() + " patients together, too few even merged into '"
            + OTHER + "' (" + smallValues.size() + " values); lower --min-patients or choose another column");
      }
      add(sites, other);
    }
    if (sites.size() < 2) {
      throw new IOException(column.describe() + " divides the dataset into " + sites.size() + " site(s) of at least "
          + minPatients + " patients; a federation needs at least 2");
    }
    for (Site site : sites.values()) {
      if (site.classes().size() < 2) {
        throw new IOException("site '" + site.id() + "' (" + String.join(", ", site.values()) + ") has only "
            + site.classes().iterator().next().label() + " files; every site needs at least two classes to train");
      }
    }
    return new SitePlan(List.copyOf(sites.values()), unassigned.size());
  }

  private static void add(Map<String, Site> sites, Site site) throws IOException {
    Site clash = sites.putIfAbsent(site.id(), site);
    if (clash != null) {
      throw new IOException("values " + clash.values() + " and " + site.values() + " both make site name '"
          + site.id() + "'");
    }
  }

  /** A site id from a column value: lower case, runs of other characters as one hyphen. */
  static String siteId(String value, SiteColumn column) throws IOException {
    String id = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (id.length() > 63) {
      id = id.substring(0, 63).replaceAll("-+$", "");
    }
    if (id.isEmpty() || id.equals(POOLED) || id.equals(OTHER)) {
      throw new IOException("value '" + value + "' of " + column.describe() + " gives no usable site name"
          + (id.isEmpty() ? "" : ": '" + id + "' is reserved"));
    }
    return SiteId.of(id).value();
  }

  List<Site> sites() {
    return sites;
  }

  List<String> siteIds() {
    return sites.stream().map(Site::id).toList();
  }

  /** Every site's files together: the centralised reference's dataset. */
  Site pooled() {
    return new Site(POOLED, sites.stream().flatMap(s -> s.values().stream()).toList(),
        sites.stream().flatMap(s -> s.files().stream()).sorted((a, b) -> a.path().compareTo(b.path())).toList());
  }

  int unassignedPatients() {
    return unassignedPatients;
  }

  /** One line per site: patients and files per class. */
  List<String> describe() {
    List<String> lines = new ArrayList<>();
    for (Site site : sites) {
      lines.add(String.format(Locale.ROOT, "%-20s %4d patients, files %s (%s)", site.id(), site.patients(),
          perClass(site.filesPerClass()), String.join(", ", site.values())));
    }
    return lines;
  }

  static String perClass(long[] counts) {
    List<String> parts = new ArrayList<>();
    for (TumourClass c : TumourClass.values()) {
      if (counts[c.ordinal()] > 0) {
        parts.add(c.label() + " " + counts[c.ordinal()]);
      }
    }
    return String.join(", ", parts) + (Arrays.stream(counts).sum() == 0 ? "none" : "");
  }

  private static String quote(String path) {
    return path.contains(",") || path.contains("\"") ? '"' + path.replace("\"", "\"\"") + '"' : path;
  }
}
