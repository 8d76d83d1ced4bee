using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using WorkOrders.Infrastructure.WorkMarket;

namespace WorkOrders.Api.IntegrationTests.Integrations;

/// <summary>Unit tests (no API, no sandbox) of the WorkMarket client's envelope checks, the resilience handler's
/// retry decisions and its honouring of X-Rate-Limit-Reset / Retry-After, and the webhook secret comparison.</summary>
public sealed class WorkMarketClientUnitTests
{
    private const string Meta = "\"errors\":[],\"version\":1,\"requestId\":\"r-1\",\"execution_time\":0.01,\"timestamp\":1700000000123";

    [Fact]
    public void Envelope_Success_GivesTheResponseAndTheTimestamp()
    {
        var envelope = WorkMarketEnvelope.Parse(HttpStatusCode.OK, $"{{\"meta\":{{{Meta},\"status_code\":200}},\"response\":{{\"id\":\"42\",\"successful\":true}}}}");

        envelope.StatusCode.ShouldBe(200);
        envelope.Timestamp.ShouldBe(1700000000123);
        envelope.RequestId.ShouldBe("r-1");
        envelope.Response.GetProperty("id").GetString().ShouldBe("42");
    }

    [Fact]
    public void Envelope_BusinessErrorOnHttp200_IsABusinessFailure_WithWorkMarketsMessages()
    {
        var body = "{\"meta\":{\"errors\":[{\"code\":\"invalid\",\"message\":\"industry_id is required\"}],\"status_code\":400,\"version\":1,\"timestamp\":1},"
            + "\"response\":{\"successful\":false}}";

        var error = Should.Throw<WorkMarketException>(() => WorkMarketEnvelope.Parse(HttpStatusCode.OK, body));

        error.Kind.ShouldBe(WorkMarketErrorKind.Business);
        error.IsTransient.ShouldBeFalse();
        error.StatusCode.ShouldBe(400);
        error.Errors.ShouldHaveSingleItem().ShouldBe(new WorkMarketError("invalid", "industry_id is required"));
        error.Message.ShouldContain("industry_id is required");
    }

    [Fact]
    public void Envelope_SuccessfulFalse_WithStatus200_IsStillAFailure()
    {
        var error = Should.Throw<WorkMarketException>(() =>
            WorkMarketEnvelope.Parse(HttpStatusCode.OK, $"{{\"meta\":{{{Meta},\"status_code\":200}},\"response\":{{\"successful\":false}}}}"));

        error.Kind.ShouldBe(WorkMarketErrorKind.Business);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "{\"meta\":{\"errors\":[],\"status_code\":401},\"response\":{}}", WorkMarketErrorKind.Unauthorized)]
    [InlineData(HttpStatusCode.ServiceUnavailable, "{\"meta\":{\"errors\":[],\"status_code\":503},\"response\":{}}", WorkMarketErrorKind.Transient)]
    [InlineData(HttpStatusCode.ServiceUnavailable, "<html>Service Unavailable</html>", WorkMarketErrorKind.Transient)]
    [InlineData(HttpStatusCode.TooManyRequests, "", WorkMarketErrorKind.Transient)]
    [InlineData(HttpStatusCode.NotFound, "{\"meta\":{\"errors\":[],\"status_code\":404},\"response\":{}}", WorkMarketErrorKind.Business)]
    [InlineData(HttpStatusCode.OK, "{\"id\":\"1\"}", WorkMarketErrorKind.Protocol)]
    [InlineData(HttpStatusCode.OK, "not json", WorkMarketErrorKind.Protocol)]
    public void Envelope_Failures_AreClassified(HttpStatusCode status, string body, WorkMarketErrorKind kind) =>
        Should.Throw<WorkMarketException>(() => WorkMarketEnvelope.Parse(status, body)).Kind.ShouldBe(kind);

    [Fact]
    public void RateLimitDelay_ReadsXRateLimitReset_InSeconds_OrAsAUnixTime_AndCapsIt()
    {
        var clock = TimeProvider.System;
        var max = TimeSpan.FromSeconds(30);

        WorkMarketResilience.RateLimitDelay(TooMany(("X-Rate-Limit-Reset", "3")), clock, max).ShouldBe(TimeSpan.FromSeconds(3));
        WorkMarketResilience.RateLimitDelay(TooMany(("X-Rate-Limit-Reset", "120")), clock, max).ShouldBe(max);
        var epoch = (clock.GetUtcNow() + TimeSpan.FromSeconds(10)).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        WorkMarketResilience.RateLimitDelay(TooMany(("X-Rate-Limit-Reset", epoch)), clock, max)!.Value.TotalSeconds.ShouldBeInRange(8, 10.1);
        WorkMarketResilience.RateLimitDelay(TooMany(("Retry-After", "7")), clock, max).ShouldBe(TimeSpan.FromSeconds(7));
        WorkMarketResilience.RateLimitDelay(TooMany(), clock, max).ShouldBeNull();
        WorkMarketResilience.RateLimitDelay(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable), clock, max).ShouldBeNull();
    }

    [Fact]
    public void ShouldRetry_TransientFailuresOfIdempotentCalls_ButACreateOnlyWhenItCertainlyWasNotProcessed()
    {
        static Outcome<HttpResponseMessage> Status(HttpStatusCode code) => Outcome.FromResult(new HttpResponseMessage(code));
        var refused = Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, "refused"));
        var dropped = Outcome.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ResponseEnded, "dropped"));

        WorkMarketResilience.ShouldRetry(Status(HttpStatusCode.ServiceUnavailable), idempotent: true).ShouldBeTrue();
        WorkMarketResilience.ShouldRetry(Status(HttpStatusCode.RequestTimeout), idempotent: true).ShouldBeTrue();
        WorkMarketResilience.ShouldRetry(Status(HttpStatusCode.TooManyRequests), idempotent: true).ShouldBeTrue();
        WorkMarketResilience.ShouldRetry(dropped, idempotent: true).ShouldBeTrue();
        WorkMarketResilience.ShouldRetry(Status(HttpStatusCode.BadRequest), idempotent: true).ShouldBeFalse();
        WorkMarketResilience.ShouldRetry(Status(HttpStatusCode.OK), idempotent: true).ShouldBeFalse();

        WorkMarketResilience.ShouldRetry(Status(HttpStatusCode.ServiceUnavailable), idempotent: false).ShouldBeFalse();
        WorkMarketResilience.ShouldRetry(Status(HttpStatusCode.GatewayTimeout), idempotent: false).ShouldBeFalse();
        WorkMarketResilience.ShouldRetry(dropped, idempotent: false).ShouldBeFalse();
        WorkMarketResilience.ShouldRetry(Status(HttpStatusCode.TooManyRequests), idempotent: false).ShouldBeTrue();
        WorkMarketResilience.ShouldRetry(refused, idempotent: false).ShouldBeTrue();
        WorkMarketResilience.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new BrokenCircuitException()), idempotent: true).ShouldBeFalse();
    }

    [Fact]
    public async Task Handler_WaitsWhatXRateLimitResetSays_ThenRetries()
    {
        var inner = new ScriptedHandler(TooMany(("X-Rate-Limit-Reset", "0.3")), new HttpResponseMessage(HttpStatusCode.OK));
        using var invoker = new HttpMessageInvoker(Handler(inner));

        var clock = Stopwatch.StartNew();
        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://wm.test/v1/employer/groups/list"), CancellationToken.None);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        inner.Calls.ShouldBe(2);
        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(280)); // not the 10 ms base delay
    }

    [Fact]
    public async Task Handler_DoesNotResendACreate_After503_ButDoesAfter429()
    {
        var unavailable = new ScriptedHandler(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable), new HttpResponseMessage(HttpStatusCode.OK));
        using (var invoker = new HttpMessageInvoker(Handler(unavailable)))
        {
            using var response = await invoker.SendAsync(Create(), CancellationToken.None);
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            unavailable.Calls.ShouldBe(1);
        }

        var limited = new ScriptedHandler(TooMany(("X-Rate-Limit-Reset", "0")), new HttpResponseMessage(HttpStatusCode.OK));
        using (var invoker = new HttpMessageInvoker(Handler(limited)))
        {
            using var response = await invoker.SendAsync(Create(), CancellationToken.None);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            limited.Calls.ShouldBe(2);
        }
    }

    [Fact]
    public void WebhookSecret_IsComparedExactly_AndAnUnsetSecretMatchesNothing()
    {
        WorkMarketWebhookProcessor.SecretMatches("s3cret", "s3cret").ShouldBeTrue();
        WorkMarketWebhookProcessor.SecretMatches("s3cret ", "s3cret").ShouldBeFalse();
        WorkMarketWebhookProcessor.SecretMatches("S3CRET", "s3cret").ShouldBeFalse();
        WorkMarketWebhookProcessor.SecretMatches(null, "s3cret").ShouldBeFalse();
        WorkMarketWebhookProcessor.SecretMatches("", "").ShouldBeFalse();
        WorkMarketWebhookProcessor.SecretMatches("anything", null).ShouldBeFalse();
    }

    private static HttpRequestMessage Create()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "http://wm.test/v1/employer/assignments/create") { Content = new FormUrlEncodedContent([new("title", "x")]) };
        request.Options.Set(WorkMarketResilience.Idempotent, false);
        return request;
    }

    private static WorkMarketResilienceHandler Handler(HttpMessageHandler inner) =>
        new(new WorkMarketResilience(
            new WorkMarketOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(10), MaxRetryAttempts = 3, CircuitMinimumThroughput = 100 },
            TimeProvider.System,
            NullLogger<WorkMarketResilience>.Instance)) { InnerHandler = inner };

    private static HttpResponseMessage TooMany(params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    /// <summary>Answers the scripted responses in order (the last one repeatedly).</summary>
    private sealed class ScriptedHandler(params HttpResponseMessage[] responses) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = responses[Math.Min(Calls, responses.Length - 1)];
            Calls++;
            return Task.FromResult(response);
        }
    }
}
