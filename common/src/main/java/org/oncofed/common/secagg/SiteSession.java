package org.oncofed.common.secagg;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import org.oncofed.common.SiteId;
import org.oncofed.common.tls.PeerCertificateVerifier;
import org.oncofed.common.tls.PeerIdentity;
import org.oncofed.common.tls.Role;
import org.oncofed.common.tls.TlsIdentity;

/**
 * One site's side of a secure aggregation round. Call, in order, each with the aggregator's
 * previous message:
 *
 * <ol>
 *   <li>{@link #advertiseKeys()} → {@link KeyAdvertisement};
 *   <li>{@link #shareKeys(AdvertisedKeys)} → {@link EncryptedShares};
 *   <li>{@link #maskInput(SharesForSite, EncodedUpdate)} → {@link MaskedInput};
 *   <li>{@link #confirmSurvivors(SurvivorList)} → {@link ConsistencySignature};
 *   <li>{@link #unmask(UnmaskingRequest)} → {@link UnmaskingShares}.
 * </ol>
 *
 * <p>The session trusts nothing the aggregator relays: it verifies every site's signed keys against
 * the project CA, decrypts only shares that authenticate, signs one survivor set, and reveals for
 * each site either its self-mask seed share or its masking-key share, never both. Any refusal
 * ({@link SecaggException}) fails the session for good; a call out of order is refused and changes
 * nothing. The round's secrets live only in this object and leave it only as shares.
 *
 * <p>Thread-safe; the calls are meant to come one after the other from one round's control flow.
 */
public final class SiteSession {

  private enum Step {
    ADVERTISE_KEYS("advertise its keys"),
    SHARE_KEYS("share its keys"),
    MASK_INPUT("mask its input"),
    CONFIRM_SURVIVORS("confirm the survivors"),
    UNMASK("answer the unmasking request"),
    DONE,
    FAILED;

    /** What the site does in this step; the two end states do nothing. */
    private final String action;

    Step(String action) {
      this.action = action;
    }

    Step() {
      this(null);
    }
  }

  private final SecaggRound round;
  private final TlsIdentity identity;
  private final PeerCertificateVerifier verifier;
  private final SecureRandom random;
  private final SiteId self;
  private final RoundKeys keys;
  private final KeyPair encryptionKeys;
  private final KeyPair maskingKeys;
  private final byte[] selfMaskSeed = new byte[RoundKeys.SEED_BYTES];

  private Step step = Step.ADVERTISE_KEYS;
  private String failure;
  private KeyAdvertisement own;
  /** U1: the sites whose keys this site verified, with those keys. */
  private Map<SiteId, VerifiedKeys> advertised;
  /** U2: the sites whose shares this site holds, with those shares. */
  private Map<SiteId, SharePair> held;
  /** U3: the survivor set this site signed. */
  private SortedSet<SiteId> survivors;

  /**
   * @param identity the site's node certificate and key; its CN is the site id, which must be invited
   * @param verifier checks other sites' certificates against the project CA and revocation list
   */
  public SiteSession(SecaggRound round, TlsIdentity identity, PeerCertificateVerifier verifier, SecureRandom random) {
    this.round = Objects.requireNonNull(round, "round");
    this.identity = Objects.requireNonNull(identity, "identity");
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.random = Objects.requireNonNull(random, "random");
    this.self = siteOf(identity);
    if (!round.sites().contains(self)) {
      throw new IllegalArgumentException("site " + self + " is not invited to " + round.ref() + " (invited: "
          + round.sites() + ")");
    }
    this.keys = new RoundKeys(round);
    this.encryptionKeys = X25519.generate(random);
    this.maskingKeys = X25519.generate(random);
    random.nextBytes(selfMaskSeed);
  }

  /** AdvertiseKeys: this site's two public keys, signed with its certificate key. */
  public synchronized KeyAdvertisement advertiseKeys() {
    return step(Step.ADVERTISE_KEYS, () -> {
      byte[] digest = round.digest();
      byte[] encryptionKey = X25519.encode(encryptionKeys.getPublic());
      byte[] maskingKey = X25519.encode(maskingKeys.getPublic());
      byte[] signature = SiteSignatures.sign(identity,
          KeyAdvertisement.signedPayload(round.ref(), self, digest, encryptionKey, maskingKey));
      own = new KeyAdvertisement(round.ref(), self, digest, encryptionKey, maskingKey,
          SiteSignatures.encode(identity.chain()), signature);
      return own;
    });
  }

  /**
   * ShareKeys: verifies every advertised key set (refusing the lot if any fails, naming the site),
   * then encrypts to each advertising site its shares of this site's masking key and self-mask seed.
   *
   * @throws TooFewSitesException if fewer than the threshold of sites advertised keys
   */
  public synchronized EncryptedShares shareKeys(AdvertisedKeys message) {
    return step(Step.SHARE_KEYS, () -> {
      round.ref().requireSame(message.ref(), "the advertised keys");
      Map<SiteId, VerifiedKeys> verified = new TreeMap<>();
      for (KeyAdvertisement advertisement : message.advertisements()) {
        if (verified.put(advertisement.site(), VerifiedKeys.verify(advertisement, round, verifier)) != null) {
          throw new SecaggException("refused the advertised keys: site " + advertisement.site() + " appears twice");
        }
      }
      TooFewSitesException.requireAtLeast(Phase.ADVERTISE_KEYS, verified.keySet(), round.threshold());
      VerifiedKeys mine = verified.get(self);
      if (mine == null) {
        throw new SecaggException("refused the advertised keys: they leave out this site, " + self);
      }
      if (!Arrays.equals(X25519.encode(mine.encryptionKey()), own.encryptionKey())
          || !Arrays.equals(X25519.encode(mine.maskingKey()), own.maskingKey())) {
        throw new SecaggException("refused the advertised keys: the keys of this site, " + self
            + ", are not the keys it advertised");
      }
      int n = round.sites().size();
      List<Share> keyShares = Shamir.split(X25519.scalar(maskingKeys.getPrivate()), round.threshold(), n, random);
      List<Share> seedShares = Shamir.split(selfMaskSeed, round.threshold(), n, random);
      Map<SiteId, byte[]> ciphertexts = new HashMap<>();
      for (VerifiedKeys recipient : verified.values()) {
        int index = round.shareIndex(recipient.site());
        SharePair pair = new SharePair(keyShares.get(index - 1), seedShares.get(index - 1));
        byte[] key = keys.shareEncryption(self, recipient.site(),
            X25519.agree(encryptionKeys.getPrivate(), recipient.encryptionKey()));
        ciphertexts.put(recipient.site(),
            ShareCipher.encrypt(key, keys.shareContext(self, recipient.site()), pair.encode(), random));
      }
      advertised = verified;
      return new EncryptedShares(round.ref(), self, ciphertexts);
    });
  }

  /**
   * MaskedInputCollection: decrypts the shares relayed to this site, then adds to {@code update}, in
   * place, this site's self mask and its pairwise mask with every site that sent shares.
   *
   * @param update this site's update from {@link FixedPointEncoding#encode}; masked in place
   * @throws TooFewSitesException if fewer than the threshold of sites sent shares
   */
  public synchronized MaskedInput maskInput(SharesForSite message, EncodedUpdate update) {
    return step(Step.MASK_INPUT, () -> {
      round.ref().requireSame(message.ref(), "the relayed shares");
      if (!message.recipient().equals(self)) {
        throw new SecaggException("refused the relayed shares: they are addressed to " + message.recipient()
            + ", this site is " + self);
      }
      if (update.values().length != round.vectorLength()) {
        throw new IllegalArgumentException("encoded update of " + update.parameterCount() + " parameters, the round has "
            + round.parameterCount());
      }
      TooFewSitesException.requireAtLeast(Phase.SHARE_KEYS, message.ciphertexts().keySet(), round.threshold());
      if (!message.ciphertexts().containsKey(self)) {
        throw new SecaggException("refused the relayed shares: they leave out this site's own, " + self);
      }
      Map<SiteId, SharePair> decrypted = new TreeMap<>();
      message.ciphertexts().forEach((sender, ciphertext) -> decrypted.put(sender, decrypt(sender, ciphertext)));

      // Every key agreement before the first mask, so that a refused key leaves the update untouched.
      Map<SiteId, byte[]> pairwiseKeys = new TreeMap<>();
      for (SiteId other : decrypted.keySet()) {
        if (!other.equals(self)) {
          byte[] agreed = X25519.agree(maskingKeys.getPrivate(), advertised.get(other).maskingKey());
          pairwiseKeys.put(other, keys.pairwiseMask(self, other, agreed));
        }
      }
      long[] values = update.values();
      MaskExpander.add(keys.selfMask(self, selfMaskSeed), values);
      pairwiseKeys.forEach((other, key) -> MaskExpander.addPairwise(key, values, self, other));
      held = decrypted;
      return new MaskedInput(round.ref(), self, values);
    });
  }

  /**
   * ConsistencyCheck: signs the survivor set, which must hold this site and at least the threshold
   * of sites, all of which sent it shares.
   *
   * @throws TooFewSitesException if fewer than the threshold of sites sent masked inputs
   */
  public synchronized ConsistencySignature confirmSurvivors(SurvivorList message) {
    return step(Step.CONFIRM_SURVIVORS, () -> {
      round.ref().requireSame(message.ref(), "the survivor list");
      for (SiteId survivor : message.survivors()) {
        if (!held.containsKey(survivor)) {
          throw new SecaggException("refused the survivor list: survivor " + survivor + " did not send this site"
              + " shares (expected survivors among " + held.keySet() + ")");
        }
      }
      TooFewSitesException.requireAtLeast(Phase.MASKED_INPUT_COLLECTION, message.survivors(), round.threshold());
      if (!message.survivors().contains(self)) {
        throw new SecaggException("refused the survivor list: it leaves out this site, " + self
            + ", whose masked input was sent");
      }
      survivors = message.survivors();
      byte[] signature = SiteSignatures.sign(identity, ConsistencySignature.signedPayload(round, survivors));
      return new ConsistencySignature(round.ref(), self, signature);
    });
  }

  /**
   * Unmasking: reveals this site's share of each survivor's self-mask seed and of each dropout's
   * masking key. Refuses (and then answers nothing more) a request that names a site as both, whose
   * survivors are not the set this site signed, whose dropouts are not exactly the other sites that
   * sent shares, or that carries a signature that does not verify.
   *
   * @throws TooFewSitesException if fewer than the threshold of survivors signed the survivor set
   */
  public synchronized UnmaskingShares unmask(UnmaskingRequest request) {
    return step(Step.UNMASK, () -> {
      round.ref().requireSame(request.ref(), "the unmasking request");
      for (SiteId site : request.survivors()) {
        if (request.dropouts().contains(site)) {
          throw new SecaggException("refused the unmasking request: it lists " + site
              + " as both survivor and dropout, which would reveal both its self-mask seed share and its"
              + " masking-key share, and with them its update");
        }
      }
      if (!request.survivors().equals(survivors)) {
        throw new SecaggException("refused the unmasking request: its survivors " + request.survivors()
            + " are not the set this site signed, " + survivors);
      }
      SortedSet<SiteId> dropouts = new TreeSet<>(held.keySet());
      dropouts.removeAll(survivors);
      if (!request.dropouts().equals(dropouts)) {
        throw new SecaggException("refused the unmasking request: expected dropouts " + dropouts
            + " (sites that sent shares but no input), found " + request.dropouts());
      }
      byte[] payload = ConsistencySignature.signedPayload(round, survivors);
      request.consistencySignatures().forEach((signer, signature) -> {
        if (!survivors.contains(signer)) {
          throw new SecaggException("refused the unmasking request: it carries a consistency signature of " + signer
              + ", which is not a survivor");
        }
        if (!SiteSignatures.verifies(advertised.get(signer).certificate(), payload, signature)) {
          throw new SecaggException("refused the unmasking request: the consistency signature of " + signer
              + " does not verify over the survivors " + survivors);
        }
      });
      TooFewSitesException.requireAtLeast(
          Phase.CONSISTENCY_CHECK, request.consistencySignatures().keySet(), round.threshold());
      Map<SiteId, Share> seedShares = new HashMap<>();
      survivors.forEach(site -> seedShares.put(site, held.get(site).selfMaskSeed()));
      Map<SiteId, Share> keyShares = new HashMap<>();
      dropouts.forEach(site -> keyShares.put(site, held.get(site).maskingKey()));
      return new UnmaskingShares(round.ref(), self, seedShares, keyShares);
    });
  }

  private SharePair decrypt(SiteId sender, byte[] ciphertext) {
    VerifiedKeys keysOfSender = advertised.get(sender);
    if (keysOfSender == null) {
      throw new SecaggException("refused the relayed shares: they hold shares from " + sender
          + ", whose keys this site did not verify (verified: " + advertised.keySet() + ")");
    }
    byte[] key = keys.shareEncryption(sender, self, X25519.agree(encryptionKeys.getPrivate(), keysOfSender.encryptionKey()));
    SharePair pair;
    try {
      pair = SharePair.decode(ShareCipher.decrypt(key, keys.shareContext(sender, self), ciphertext));
    } catch (AEADBadTagException e) {
      throw new SecaggException("refused the relayed shares: the shares from " + sender
          + " do not authenticate; they were altered, or encrypted for another site or round", e);
    } catch (IllegalArgumentException e) {
      throw new SecaggException("refused the relayed shares: the shares from " + sender + " are malformed: "
          + e.getMessage(), e);
    }
    int expected = round.shareIndex(self);
    if (pair.index() != expected) {
      throw new SecaggException("refused the relayed shares: the shares from " + sender + " are for index "
          + pair.index() + ", this site's index is " + expected);
    }
    return pair;
  }

  /** Runs one step if the session is at it; any failure fails the session, so nothing more is revealed. */
  private <T> T step(Step expected, Supplier<T> action) {
    if (step != expected) {
      String state = switch (step) {
        case FAILED -> "the session failed earlier (" + failure + ") and answers nothing more";
        case DONE -> "the session has answered its unmasking request, and answers only one";
        default -> "the session is waiting to " + step.action;
      };
      throw new SecaggException("site " + self + " cannot " + expected.action + ": " + state);
    }
    try {
      T result = action.get();
      step = Step.values()[step.ordinal() + 1];
      return result;
    } catch (RuntimeException e) {
      step = Step.FAILED;
      failure = e.getMessage();
      throw e;
    }
  }

  private static SiteId siteOf(TlsIdentity identity) {
    try {
      PeerIdentity peer = PeerIdentity.of(identity.certificate());
      if (peer.role() != Role.NODE) {
        throw new IllegalArgumentException("a site session needs a node certificate, found a " + peer.role().ou()
            + " certificate ('" + peer.subject() + "')");
      }
      return SiteId.of(peer.name());
    } catch (CertificateException e) {
      throw new IllegalArgumentException("the site's certificate names no site: " + e.getMessage(), e);
    }
  }
}
