/**
 * Secure aggregation: the coordinator learns only the sum of the sites' weighted updates, and the
 * round survives sites dropping out. Pairwise masking with double masking and Shamir-shared
 * recovery, after Bonawitz et al. 2017, for federations of 3 to 20 sites.
 *
 * <p>A pure protocol library: explicit message records and one state machine per role,
 * {@link org.oncofed.common.secagg.SiteSession} and {@link org.oncofed.common.secagg.AggregatorSession},
 * whose Javadoc gives the order of calls. No networking: the caller carries the messages and makes
 * sure each message's site is the authenticated sender. {@link org.oncofed.common.secagg.SecaggRound}
 * holds the settings every party must agree on and {@link org.oncofed.common.secagg.FixedPointEncoding}
 * the encoding and its overflow bound. Every primitive comes from the JDK (X25519, ECDSA, AES-GCM,
 * AES-CTR, SecureRandom) or Bouncy Castle (HKDF).
 */
package org.oncofed.common.secagg;
