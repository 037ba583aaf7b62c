package io.tradeguard.server;

import io.javalin.http.Context;
import io.tradeguard.server.auth.AccessTokens;
import io.tradeguard.server.auth.LoginThrottle;
import io.tradeguard.server.auth.Passwords;
import io.tradeguard.server.auth.Principal;
import io.tradeguard.server.auth.User;
import io.tradeguard.server.auth.UserDirectory;
import io.tradeguard.server.auth.Username;
import io.tradeguard.server.http.Access;
import io.tradeguard.server.http.Answers;
import io.tradeguard.server.http.ApiException;
import io.tradeguard.server.http.JsonFields;
import io.tradeguard.server.http.RequestBodies;
import io.tradeguard.server.http.RouteTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/auth/login} and {@code POST /api/auth/refresh}, and the gate every other route passes:
 * a valid access token (401 otherwise, with {@code WWW-Authenticate}) carrying the route's role (403).
 * Failed logins answer the same 401 whether the user exists or not, after the same hashing work.
 */
final class AuthRoutes implements RouteTable.Gate {
    private static final Logger log = LoggerFactory.getLogger(AuthRoutes.class);

    private final UserDirectory users;
    private final Passwords passwords;
    private final AccessTokens tokens;
    private final LoginThrottle throttle;
    private final RequestBodies bodies;
    private final Answers answers;

    AuthRoutes(UserDirectory users, Passwords passwords, AccessTokens tokens, LoginThrottle throttle,
               RequestBodies bodies, Answers answers) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
        this.bodies = bodies;
        this.answers = answers;
    }

    void addTo(RouteTable table) {
        table.post("/api/auth/login", Access.PUBLIC, "Exchange username and password for an access and a refresh token",
                this::login);
        table.post("/api/auth/refresh", Access.PUBLIC, "Exchange a refresh token (single use) for new tokens",
                this::refresh);
    }

    @Override
    public Principal admit(Context ctx, Access access) {
        Optional<io.tradeguard.server.auth.Role> required = access.requiredRole();
        if (required.isEmpty()) {
            return null;
        }
        Principal caller = bearer(ctx).flatMap(tokens::verifyAccess).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"tradeguard\"");
            return ApiException.of(401, "unauthorized", "a valid access token is required: log in at /api/auth/login and send it as 'Authorization: Bearer <token>'");
        });
        if (!caller.role().includes(required.get())) {
            throw ApiException.of(403, "forbidden", "this needs the " + required.get().wireName()
                    + " role; you are " + caller.role().wireName());
        }
        return caller;
    }

    static Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).strip());
    }

    private void login(Context ctx, Principal nobody) {
        JsonFields f = bodies.fields(ctx);
        Optional<String> name = f.required("username", f.text("username"));
        Optional<String> password = f.required("password", f.text("password"));
        f.finish();
        String attempted = name.orElseThrow().strip().toLowerCase(java.util.Locale.ROOT);
        Optional<Duration> wait = throttle.attempt(attempted.length() > 64 ? attempted.substring(0, 64) : attempted, ctx.ip());
        if (wait.isPresent()) {
            throw ApiException.tooManyRequests("too many login attempts; try again later", wait.get());
        }
        Optional<User> user;
        try {
            user = users.find(Username.of(attempted));
        } catch (IllegalArgumentException e) {
            user = Optional.empty();
        }
        boolean ok;
        if (user.isPresent()) {
            ok = passwords.matches(password.orElseThrow(), user.get().passwordHash());
        } else {
            passwords.checkDecoy(password.orElseThrow());
            ok = false;
        }
        if (!ok) {
            log.warn("login failed from {}", ctx.ip());
            throw ApiException.of(401, "login_failed", "wrong username or password");
        }
        log.info("login: {} ({})", user.get().username(), user.get().role().wireName());
        answerTokens(ctx, new Principal(user.get().username(), user.get().role()));
    }

    private void refresh(Context ctx, Principal nobody) {
        JsonFields f = bodies.fields(ctx);
        Optional<String> token = f.required("refresh_token", f.text("refresh_token"));
        f.finish();
        Principal holder = tokens.redeemRefresh(token.orElseThrow())
                .orElseThrow(() -> ApiException.of(401, "refresh_failed", "the refresh token is invalid, expired or already used; log in again"));
        // the role may have changed, or the user been removed, since the token was issued
        User user = users.find(holder.username())
                .orElseThrow(() -> ApiException.of(401, "refresh_failed", "the user no longer exists"));
        answerTokens(ctx, new Principal(user.username(), user.role()));
    }

    private void answerTokens(Context ctx, Principal who) {
        AccessTokens.Issued issued = tokens.issue(who);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.accessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", issued.accessTtl().toSeconds());
        body.put("refresh_token", issued.refreshToken());
        body.put("refresh_expires_in", issued.refreshTtl().toSeconds());
        body.put("username", who.username().value());
        body.put("role", who.role());
        ctx.header("Cache-Control", "no-store");
        answers.ok(ctx, body);
    }
}
