package org.oncofed.synthetic;

import java.util.Locale;
import java.util.SplittableRandom;

/** Made-up patient identities: invented names, site-prefixed IDs, plausible dates. */
record SyntheticIdentity(String name, String patientId, String birthDate, String sex, String accession) {

  private static final String[] FAMILY = {
    "Arden", "Birch", "Calder", "Dunmore", "Ellery", "Fenwick", "Garrow", "Hale", "Ingram",
    "Jessop", "Kestrel", "Larkin", "Marlow", "Norcott", "Orwin", "Pell", "Quarry", "Rowan",
    "Sable", "Thorne", "Upton", "Vance", "Wilder", "Yarrow"
  };
  private static final String[] GIVEN = {
    "Alex", "Blair", "Casey", "Dana", "Eden", "Finley", "Gray", "Harper", "Indy", "Jules", "Kai",
    "Logan", "Morgan", "Noel", "Oakley", "Parker", "Quinn", "Reese", "Sage", "Taylor"
  };

  static SyntheticIdentity create(String site, int index, SplittableRandom random) {
    String prefix = site.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    if (prefix.isEmpty()) {
      prefix = "SITE";
    }
    String name = "SYNTH-" + FAMILY[random.nextInt(FAMILY.length)] + "^" + GIVEN[random.nextInt(GIVEN.length)];
    String birth = String.format(Locale.ROOT, "%04d%02d%02d",
        1935 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28));
    return new SyntheticIdentity(
        name,
        String.format(Locale.ROOT, "%s-%05d", prefix.substring(0, Math.min(8, prefix.length())), index + 1),
        birth,
        random.nextBoolean() ? "F" : "M",
        String.format(Locale.ROOT, "SYN%08d", random.nextInt(100_000_000)));
  }
}
