package io.tradeguard.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.tradeguard.server.api.Outcome;
import io.tradeguard.server.api.RuleResult;

import java.util.List;

/** Writes answers: JSON values, engine outcomes and problems. */
public final class Answers {
    private final ObjectMapper mapper;

    public Answers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void ok(Context ctx, Object value) {
        ctx.status(200).json(value);
    }

    /** 200 with the value, or the problem that matches the engine's refusal. */
    public <T> void outcome(Context ctx, Outcome<T> outcome) {
        switch (outcome) {
            case Outcome.Done<T> done -> ok(ctx, done.value());
            case Outcome.RiskRejected<T> rejected -> throw ApiException.of(riskProblem(rejected.failed()));
            case Outcome.Conflict<T> conflict -> throw ApiException.of(409, conflict.code(), conflict.detail());
            case Outcome.NotFound<T> notFound -> throw ApiException.of(404, "not_found", notFound.detail());
            case Outcome.Unavailable<T> unavailable -> throw ApiException.of(503, "exchange_unavailable", unavailable.detail());
        }
    }

    public static Problem riskProblem(List<RuleResult> failed) {
        List<Problem.Violation> violations = failed.stream()
                .map(r -> new Problem.Violation(r.rule(), r.message(), r.limit(), r.actual()))
                .toList();
        String detail = failed.size() == 1
                ? "The order was rejected by a risk rule: " + failed.getFirst().message()
                : "The order was rejected by " + failed.size() + " risk rules: "
                + String.join("; ", failed.stream().map(RuleResult::message).toList());
        return new Problem(null, Problem.titleOf(422), 422, detail, "risk_rejected", List.of(), violations);
    }

    public void problem(Context ctx, Problem problem) {
        try {
            ctx.status(problem.status()).contentType(Problem.MEDIA_TYPE).result(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document could not be written", e);
        }
    }
}
