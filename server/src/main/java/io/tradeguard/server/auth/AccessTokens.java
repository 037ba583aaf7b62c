package io.tradeguard.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and verifies the API's JWTs: HS256 only, issuer {@code tradeguard}, audience {@code tradeguard-api}
 * for access tokens and {@code tradeguard-refresh} for refresh tokens (so neither can stand in for the
 * other). A token is refused unless its header names HS256 exactly, its signature verifies with the server
 * key, and {@code iat}/{@code nbf}/{@code exp} hold against the injected clock. Refresh tokens are single
 * use: redeeming one twice is refused.
 */
public final class AccessTokens {
    public static final String ISSUER = "tradeguard";
    static final String ACCESS_AUDIENCE = "tradeguard-api";
    static final String REFRESH_AUDIENCE = "tradeguard-refresh";
    /** Clocks of one machine; a little slack for iat only. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    /** Anything longer is not one of ours; checked before parsing. */
    private static final int MAX_TOKEN_LENGTH = 4096;

    private final byte[] key;
    private final InstantSource clock;
    private final Duration accessTtl;
    private final Duration refreshTtl;
    /** jti of redeemed refresh tokens → their expiry, pruned as they expire. */
    private final Map<String, Instant> redeemedRefresh = new ConcurrentHashMap<>();

    public AccessTokens(byte[] key, InstantSource clock, Duration accessTtl, Duration refreshTtl) {
        if (key.length < 32) {
            throw new IllegalArgumentException("HS256 needs a key of at least 256 bits");
        }
        this.key = key.clone();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.accessTtl = requirePositive(accessTtl, "accessTtl");
        this.refreshTtl = requirePositive(refreshTtl, "refreshTtl");
    }

    /** A pair of tokens, and how long each lives. */
    public record Issued(String accessToken, Duration accessTtl, String refreshToken, Duration refreshTtl, Role role) {
        @Override
        public String toString() {
            return "Issued[access=***, refresh=***, role=" + role.wireName() + "]";
        }
    }

    public Issued issue(Principal who) {
        return new Issued(sign(who, ACCESS_AUDIENCE, accessTtl), accessTtl,
                sign(who, REFRESH_AUDIENCE, refreshTtl), refreshTtl, who.role());
    }

    /** The caller an access token vouches for, or empty for any token we did not issue or that is not valid now. */
    public Optional<Principal> verifyAccess(String token) {
        return verify(token, ACCESS_AUDIENCE).map(Verified::principal);
    }

    /**
     * Redeems a refresh token once. Returns the caller it was issued to; the caller's current role must be
     * looked up again, since it may have changed since login.
     */
    public Optional<Principal> redeemRefresh(String token) {
        Optional<Verified> verified = verify(token, REFRESH_AUDIENCE);
        if (verified.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        redeemedRefresh.values().removeIf(expiry -> expiry.isBefore(now));
        Verified v = verified.get();
        if (redeemedRefresh.putIfAbsent(v.tokenId(), v.expiry()) != null) {
            return Optional.empty();
        }
        return Optional.of(v.principal());
    }

    private record Verified(Principal principal, String tokenId, Instant expiry) {
    }

    private Optional<Verified> verify(String token, String audience) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            // the header is attacker-controlled: accept exactly the algorithm we sign with
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getCriticalParams() != null) {
                return Optional.empty();
            }
            if (!jwt.verify(new MACVerifier(key))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            Date exp = claims.getExpirationTime();
            Date nbf = claims.getNotBeforeTime();
            Date iat = claims.getIssueTime();
            if (exp == null || nbf == null || iat == null || claims.getJWTID() == null || claims.getSubject() == null) {
                return Optional.empty();
            }
            if (!now.isBefore(exp.toInstant()) || now.isBefore(nbf.toInstant())
                    || now.plus(CLOCK_SKEW).isBefore(iat.toInstant())) {
                return Optional.empty();
            }
            if (!ISSUER.equals(claims.getIssuer()) || !List.of(audience).equals(claims.getAudience())) {
                return Optional.empty();
            }
            Principal principal = new Principal(Username.of(claims.getSubject()), Role.parse(claims.getStringClaim("role")));
            return Optional.of(new Verified(principal, claims.getJWTID(), exp.toInstant()));
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String sign(Principal who, String audience, Duration ttl) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(audience)
                .subject(who.username().value())
                .claim("role", who.role().wireName())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new MACSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }

    private static Duration requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }
}
