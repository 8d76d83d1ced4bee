using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace WorkOrders.Infrastructure.WorkMarket;

/// <summary>The one resilience pipeline of the WorkMarket client (a singleton, so the circuit breaker sees every
/// call): total timeout → retry (exponential backoff with jitter; a 429 waits what X-Rate-Limit-Reset says) →
/// circuit breaker → attempt timeout.
/// <para>What is retried: 5xx, 408, 429, transport errors and attempt timeouts — for requests marked idempotent.
/// A create is not (WorkMarket has no idempotency key): it is retried only when WorkMarket certainly did not
/// process it (429, or the connection could not be made); any other failure surfaces as an unknown outcome and
/// the caller looks the assignment up by our id before creating again. send, void, cancel, approve_payment and
/// authorization are retried: sending a sent assignment leaves it sent (the status machine allows sent→sent),
/// and a repeated void/cancel/approve fails harmlessly as "already in that status".</para></summary>
public sealed class WorkMarketResilience
{
    /// <summary>Request option: false for a request that must not be re-sent blindly (create).</summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("WorkMarket.Idempotent");

    public static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("WorkMarket.Request");

    private readonly CircuitBreakerManualControl _manual = new();
    private readonly CircuitBreakerStateProvider _state = new();

    public WorkMarketResilience(WorkMarketOptions options, TimeProvider clock, ILogger<WorkMarketResilience> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(0, options.MaxRetryAttempts),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRateLimitWait,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, IsIdempotent(args.Context))),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RateLimitDelay(response, clock, options.MaxRateLimitWait) : null),
                OnRetry = args =>
                {
                    WorkMarketLog.Retrying(logger, args.Outcome.Exception,
                        args.Outcome.Result?.StatusCode.ToString() ?? args.Outcome.Exception?.GetType().Name, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = options.CircuitFailureRatio,
                MinimumThroughput = Math.Max(2, options.CircuitMinimumThroughput),
                SamplingDuration = options.CircuitSamplingDuration,
                BreakDuration = options.CircuitBreakDuration,
                ManualControl = _manual,
                StateProvider = _state,
                ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome)),
                OnOpened = args =>
                {
                    WorkMarketLog.CircuitOpened(logger, args.BreakDuration);
                    return default;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    public CircuitState CircuitState => _state.CircuitState;

    /// <summary>Closes the circuit now (ops, tests).</summary>
    public Task CloseCircuitAsync() => _manual.CloseAsync();

    private static bool IsIdempotent(ResilienceContext context) =>
        !context.Properties.TryGetValue(RequestKey, out var request) || !request.Options.TryGetValue(Idempotent, out var idempotent) || idempotent;

    /// <summary>Whether a failed attempt is retried: transient failures of idempotent requests; for the others
    /// (create), only the failures that prove the request was not processed.</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, bool idempotent)
    {
        if (outcome.Exception is BrokenCircuitException)
        {
            return false;
        }

        if (!idempotent)
        {
            return outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests
                || outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };
        }

        return IsFailure(outcome);
    }

    /// <summary>A transient failure: 5xx, 408, 429, a transport error, an attempt timeout.</summary>
    public static bool IsFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || outcome.Result is { StatusCode: HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests }
        || outcome.Result is { StatusCode: >= HttpStatusCode.InternalServerError };

    /// <summary>How long a 429 asks us to wait: <c>X-Rate-Limit-Reset</c> (seconds until the window resets; a
    /// value that looks like a Unix time is read as one), else <c>Retry-After</c>; capped at <paramref name="max"/>.
    /// Null: not a 429 with such a header (the exponential backoff decides).</summary>
    public static TimeSpan? RateLimitDelay(HttpResponseMessage response, TimeProvider clock, TimeSpan max)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(clock);
        if (response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return null;
        }

        TimeSpan? wait = null;
        if (response.Headers.TryGetValues("X-Rate-Limit-Reset", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var reset) && reset >= 0)
        {
            wait = reset > 1_000_000_000
                ? DateTimeOffset.FromUnixTimeSeconds((long)reset) - clock.GetUtcNow()
                : TimeSpan.FromSeconds(reset);
        }
        else if (response.Headers.RetryAfter is RetryConditionHeaderValue retryAfter)
        {
            wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - clock.GetUtcNow() : null);
        }

        if (wait is null)
        {
            return null;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > max ? max : wait;
    }
}

/// <summary>Runs every request of the WorkMarket <c>HttpClient</c> through <see cref="WorkMarketResilience"/>'s
/// pipeline (added with <c>AddHttpMessageHandler</c>).</summary>
public sealed class WorkMarketResilienceHandler(WorkMarketResilience resilience) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(WorkMarketResilience.RequestKey, request);
        try
        {
            return await resilience.Pipeline.ExecuteAsync(
                static async (ctx, state) => await state.Handler.SendOnceAsync(state.Request, ctx.CancellationToken).ConfigureAwait(false),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
