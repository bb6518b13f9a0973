package org.oncofed.common.secagg;

import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.oncofed.common.SiteId;
import org.oncofed.common.tls.PeerCertificateVerifier;

/**
 * The aggregator's side of a secure aggregation round. For each phase, hand every site's message to
 * {@code accept} as it arrives, then close the phase (at its deadline, or when every expected site
 * has answered) and send what the close returns:
 *
 * <ol>
 *   <li>{@code accept(KeyAdvertisement)}, then {@link #closeAdvertising()} → {@link AdvertisedKeys}
 *       to every site that advertised;
 *   <li>{@code accept(EncryptedShares)}, then {@link #closeSharing()} → one {@link SharesForSite} to
 *       each site that sent shares;
 *   <li>{@code accept(MaskedInput)}, then {@link #closeMaskedInputs()} → {@link SurvivorList} to
 *       every survivor;
 *   <li>{@code accept(ConsistencySignature)}, then {@link #closeConsistencyCheck()} →
 *       {@link UnmaskingRequest} to every site that signed;
 *   <li>{@code accept(UnmaskingShares)}, then {@link #finish()} → {@link AggregateResult}.
 * </ol>
 *
 * <p>A site that does not answer in a phase has dropped out of the rest of the round. A refused
 * message ({@link SecaggException}: wrong round, uninvited or dropped site, bad signature, wrong
 * shape, late, repeated) leaves the session as it was, so the sender simply counts as dropped. A
 * close or {@link #finish()} with fewer than the threshold of sites fails the round for good with
 * {@link TooFewSitesException}, and no result exists. Masked inputs are added to one running sum
 * as they arrive; no individual input is kept. The caller must make sure each message's site is
 * the authenticated sender (the TLS peer). Thread-safe.
 */
public final class AggregatorSession {

  private final SecaggRound round;
  private final PeerCertificateVerifier verifier;
  private final RoundKeys keys;

  /** U1: the sites that advertised keys, with their advertisements as received and as verified. */
  private final SortedMap<SiteId, KeyAdvertisement> advertisements = new TreeMap<>();
  private final SortedMap<SiteId, VerifiedKeys> verified = new TreeMap<>();
  /** U2: the sites that sent shares. */
  private final SortedMap<SiteId, EncryptedShares> shares = new TreeMap<>();
  /** U3: the sites that sent masked inputs, which are in {@link #sum}. */
  private final SortedSet<SiteId> survivors = new TreeSet<>();
  /** U4: the survivors that signed the survivor set. */
  private final SortedMap<SiteId, byte[]> confirmations = new TreeMap<>();
  /** U5: the sites that sent unmasking shares. */
  private final SortedMap<SiteId, UnmaskingShares> unmasking = new TreeMap<>();

  private Phase phase = Phase.ADVERTISE_KEYS;
  /** Null while the round runs; then why it ended. */
  private String ended;
  private long[] sum;

  /** @param verifier checks sites' certificates against the project CA, as the sites themselves do */
  public AggregatorSession(SecaggRound round, PeerCertificateVerifier verifier) {
    this.round = Objects.requireNonNull(round, "round");
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.keys = new RoundKeys(round);
  }

  /** AdvertiseKeys: verifies and keeps a site's signed keys, so a bad key set cannot break the round for others. */
  public synchronized void accept(KeyAdvertisement message) {
    String what = "the keys of site " + message.site();
    requireOpen(Phase.ADVERTISE_KEYS, message.ref(), message.site(), what);
    requireFirst(advertisements.containsKey(message.site()), what);
    verified.put(message.site(), VerifiedKeys.verify(message, round, verifier));
    advertisements.put(message.site(), message);
  }

  /** @throws TooFewSitesException if fewer than the threshold of sites advertised keys */
  public synchronized AdvertisedKeys closeAdvertising() {
    close(Phase.ADVERTISE_KEYS, advertisements.keySet());
    return new AdvertisedKeys(round.ref(), List.copyOf(advertisements.values()));
  }

  /** ShareKeys: keeps a site's ciphertexts, which must address exactly the sites that advertised keys. */
  public synchronized void accept(EncryptedShares message) {
    String what = "the shares of site " + message.sender();
    requireOpen(Phase.SHARE_KEYS, message.ref(), message.sender(), what);
    requireMember(message.sender(), advertisements.keySet(), "advertised keys", what);
    requireFirst(shares.containsKey(message.sender()), what);
    if (!message.ciphertexts().keySet().equals(advertisements.keySet())) {
      throw new SecaggException("refused " + what + ": expected ciphertexts for " + advertisements.keySet()
          + ", found " + new TreeSet<>(message.ciphertexts().keySet()));
    }
    shares.put(message.sender(), message);
  }

  /**
   * @return by recipient, the ciphertexts addressed to each site that sent shares
   * @throws TooFewSitesException if fewer than the threshold of sites sent shares
   */
  public synchronized SortedMap<SiteId, SharesForSite> closeSharing() {
    close(Phase.SHARE_KEYS, shares.keySet());
    SortedMap<SiteId, SharesForSite> relayed = new TreeMap<>();
    for (SiteId recipient : shares.keySet()) {
      Map<SiteId, byte[]> addressed = new TreeMap<>();
      shares.forEach((sender, message) -> addressed.put(sender, message.ciphertexts().get(recipient)));
      relayed.put(recipient, new SharesForSite(round.ref(), recipient, addressed));
    }
    return Collections.unmodifiableSortedMap(relayed);
  }

  /** MaskedInputCollection: adds a site's masked vector to the running sum; the vector is not kept. */
  public synchronized void accept(MaskedInput message) {
    String what = "the masked input of site " + message.site();
    requireOpen(Phase.MASKED_INPUT_COLLECTION, message.ref(), message.site(), what);
    requireMember(message.site(), shares.keySet(), "sent shares", what);
    requireFirst(survivors.contains(message.site()), what);
    long[] values = message.values();
    if (values.length != round.vectorLength()) {
      throw new SecaggException("refused " + what + ": expected " + round.vectorLength() + " values ("
          + round.parameterCount() + " parameters and the sample count), found " + values.length);
    }
    if (sum == null) {
      sum = new long[values.length];
    }
    for (int i = 0; i < values.length; i++) {
      sum[i] += values[i];
    }
    survivors.add(message.site());
  }

  /** @throws TooFewSitesException if fewer than the threshold of sites sent masked inputs */
  public synchronized SurvivorList closeMaskedInputs() {
    close(Phase.MASKED_INPUT_COLLECTION, survivors);
    return new SurvivorList(round.ref(), survivors);
  }

  /** ConsistencyCheck: keeps a survivor's signature over the survivor set, once it verifies. */
  public synchronized void accept(ConsistencySignature message) {
    String what = "the consistency signature of site " + message.site();
    requireOpen(Phase.CONSISTENCY_CHECK, message.ref(), message.site(), what);
    requireMember(message.site(), survivors, "sent a masked input", what);
    requireFirst(confirmations.containsKey(message.site()), what);
    byte[] payload = ConsistencySignature.signedPayload(round, survivors);
    if (!SiteSignatures.verifies(verified.get(message.site()).certificate(), payload, message.signature())) {
      throw new SecaggException("refused " + what + ": it does not verify over the survivors " + survivors);
    }
    confirmations.put(message.site(), message.signature());
  }

  /** @throws TooFewSitesException if fewer than the threshold of survivors signed the survivor set */
  public synchronized UnmaskingRequest closeConsistencyCheck() {
    close(Phase.CONSISTENCY_CHECK, confirmations.keySet());
    return new UnmaskingRequest(round.ref(), survivors, dropouts(), confirmations);
  }

  /** Unmasking: keeps a site's shares, which must cover exactly the survivors' seeds and the dropouts' keys. */
  public synchronized void accept(UnmaskingShares message) {
    String what = "the unmasking shares of site " + message.site();
    requireOpen(Phase.UNMASKING, message.ref(), message.site(), what);
    requireMember(message.site(), confirmations.keySet(), "signed the survivors", what);
    requireFirst(unmasking.containsKey(message.site()), what);
    if (!message.selfMaskSeedShares().keySet().equals(survivors)) {
      throw new SecaggException("refused " + what + ": expected self-mask seed shares of the survivors " + survivors
          + ", found " + new TreeSet<>(message.selfMaskSeedShares().keySet()));
    }
    if (!message.maskingKeyShares().keySet().equals(dropouts())) {
      throw new SecaggException("refused " + what + ": expected masking-key shares of the dropouts " + dropouts()
          + ", found " + new TreeSet<>(message.maskingKeyShares().keySet()));
    }
    int index = round.shareIndex(message.site());
    List<Share> all = new ArrayList<>(message.selfMaskSeedShares().values());
    all.addAll(message.maskingKeyShares().values());
    for (Share share : all) {
      if (share.index() != index) {
        throw new SecaggException("refused " + what + ": a share has index " + share.index() + ", the site's index is "
            + index);
      }
    }
    unmasking.put(message.site(), message);
  }

  /**
   * Reconstructs each survivor's self-mask seed and each dropout's masking key from the shares,
   * removes every mask from the sum, and decodes it.
   *
   * @throws TooFewSitesException if fewer than the threshold of sites sent unmasking shares
   * @throws SecaggException if the shares are inconsistent; the round then has no result
   */
  public synchronized AggregateResult finish() {
    close(Phase.UNMASKING, unmasking.keySet());
    try {
      AggregateResult result = unmask();
      ended = "the round is finished";
      return result;
    } catch (RuntimeException e) {
      fail(e.getMessage());
      throw e;
    } finally {
      sum = null;
    }
  }

  private AggregateResult unmask() {
    int threshold = round.threshold();
    for (SiteId survivor : survivors) {
      List<Share> shares = unmasking.values().stream().map(m -> m.selfMaskSeedShares().get(survivor)).toList();
      byte[] seed = Shamir.combine(shares, threshold, RoundKeys.SEED_BYTES, "the self-mask seed of " + survivor);
      MaskExpander.subtract(keys.selfMask(survivor, seed), sum);
    }
    for (SiteId dropout : dropouts()) {
      List<Share> shares = unmasking.values().stream().map(m -> m.maskingKeyShares().get(dropout)).toList();
      PrivateKey maskingKey = X25519.privateKey(
          Shamir.combine(shares, threshold, X25519.KEY_BYTES, "the masking key of " + dropout));
      if (!X25519.belongTogether(maskingKey, verified.get(dropout).maskingKey())) {
        throw new SecaggException("the masking key of " + dropout + " reconstructed from the shares does not match"
            + " the public key it advertised; a site sent a wrong share");
      }
      for (SiteId survivor : survivors) {
        // The survivor's input holds its side of the mask it shares with the dropout; adding the
        // dropout's side, which the dropout never sent, cancels it.
        byte[] agreed = X25519.agree(maskingKey, verified.get(survivor).maskingKey());
        MaskExpander.addPairwise(keys.pairwiseMask(dropout, survivor, agreed), sum, dropout, survivor);
      }
    }
    long totalWeight = sum[round.parameterCount()];
    long most = survivors.size() * round.encoding().maxSampleCount();
    if (totalWeight < survivors.size() || totalWeight > most) {
      throw new SecaggException("the unmasked total weight is " + totalWeight + ", expected between "
          + survivors.size() + " and " + most + " for " + survivors.size()
          + " sites; a site sent a wrong share or a wrongly masked input");
    }
    double[] weightedSum = new double[round.parameterCount()];
    for (int i = 0; i < weightedSum.length; i++) {
      weightedSum[i] = round.encoding().decode(sum[i]);
    }
    return new AggregateResult(round.ref(), survivors, totalWeight, weightedSum);
  }

  /** The sites that sent shares but no masked input: their pairwise masks must be removed. */
  private SortedSet<SiteId> dropouts() {
    SortedSet<SiteId> dropouts = new TreeSet<>(shares.keySet());
    dropouts.removeAll(survivors);
    return dropouts;
  }

  private void requireOpen(Phase expected, RoundRef ref, SiteId site, String what) {
    round.ref().requireSame(ref, what);
    if (ended != null) {
      throw new SecaggException("refused " + what + ": " + ended);
    }
    if (phase != expected) {
      throw new SecaggException("refused " + what + ": sent for the " + expected.label()
          + " phase, but the open phase is " + phase.label());
    }
    round.requireInvited(site, what);
  }

  private static void requireMember(SiteId site, Set<SiteId> earlier, String did, String what) {
    if (!earlier.contains(site)) {
      throw new SecaggException("refused " + what + ": only sites that " + did + " take part now, " + earlier);
    }
  }

  private static void requireFirst(boolean alreadyReceived, String what) {
    if (alreadyReceived) {
      throw new SecaggException("refused " + what + ": already received");
    }
  }

  /** Ends a phase: with fewer than the threshold of sites, the round fails without a result. */
  private void close(Phase closing, Set<SiteId> present) {
    if (ended != null) {
      throw new SecaggException("cannot close " + closing.label() + ": " + ended);
    }
    if (phase != closing) {
      throw new SecaggException("cannot close " + closing.label() + ": the open phase is " + phase.label());
    }
    try {
      TooFewSitesException.requireAtLeast(closing, present, round.threshold());
    } catch (TooFewSitesException e) {
      fail(e.getMessage());
      throw e;
    }
    if (closing != Phase.UNMASKING) {
      phase = Phase.values()[closing.ordinal() + 1];
    }
  }

  private void fail(String reason) {
    ended = "the round failed: " + reason;
    sum = null;
  }
}
