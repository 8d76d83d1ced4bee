namespace WorkOrders.WorkMarket.Sandbox;

/// <summary>How the sandbox behaves. Bound from the <c>Sandbox</c> configuration section (command line:
/// <c>--Sandbox:Token=...</c>), or set in code by tests through <see cref="SandboxApp.StartAsync"/>.</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>The API token and secret a client must present to <c>/v1/employer/authorization/request</c>.</summary>
    public string Token { get; set; } = "sandbox-token";

    public string Secret { get; set; } = "sandbox-secret";

    /// <summary>How long an access token stays valid (then 401).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A sent assignment is accepted by a worker after this delay; null: only through
    /// <c>POST /_sandbox/assignments/{id}/status</c>.</summary>
    public TimeSpan? AutoAcceptDelay { get; set; }

    /// <summary>The talent pools <c>groups/list</c> answers (and <c>send</c> accepts).</summary>
    public List<long> TalentPoolIds { get; set; } = [1001, 1002];

    public FaultSettings Faults { get; set; } = new();

    public WebhookSettings Webhook { get; set; } = new();

    /// <summary>Tests: how webhooks reach the receiver (e.g. an in-memory TestServer); null: real HTTP.</summary>
    public Func<HttpMessageHandler>? WebhookHandlerFactory { get; set; }
}

/// <summary>Injected faults, for the API's <c>/v1/</c> paths only (never <c>/_sandbox</c>). Counts ("next N")
/// are deterministic for tests; the rate is for manual soak runs. Changed at run time by
/// <c>POST /_sandbox/faults</c>.</summary>
public sealed class FaultSettings
{
    /// <summary>Only requests whose path contains this are affected (null: every <c>/v1/</c> path).</summary>
    public string? PathContains { get; set; }

    /// <summary>Share (0..1) of requests answered 503.</summary>
    public double ServiceUnavailableRate { get; set; }

    /// <summary>The next N requests are answered 503.</summary>
    public int ServiceUnavailableNext { get; set; }

    /// <summary>The next N requests are answered 429 with <c>X-Rate-Limit-Reset: RateLimitResetSeconds</c>.</summary>
    public int RateLimitNext { get; set; }

    public int RateLimitResetSeconds { get; set; } = 1;

    /// <summary>Added to every request.</summary>
    public int LatencyMilliseconds { get; set; }

    /// <summary>The next N creates succeed (the assignment exists) but their response is lost.</summary>
    public int LoseCreateResponsesNext { get; set; }

    /// <summary><c>drop</c>: the connection is aborted; <c>504</c>: a gateway timeout is answered.</summary>
    public string LostResponseMode { get; set; } = "drop";

    /// <summary>The next N creates are refused as a business error (HTTP 200, meta.status_code 400).</summary>
    public int BusinessErrorNext { get; set; }

    public string BusinessErrorMessage { get; set; } = "industry_id is not valid for this company";
}

/// <summary>The webhook WorkMarket's UI would be configured with: a URL, a body template with variables
/// (<c>${assignment_id}</c>, <c>${status}</c>, <c>${event}</c>, <c>${external_work_id}</c>, <c>${timestamp}</c>)
/// and one custom header (no HMAC signature). Fired on every status change, retried once on failure.</summary>
public sealed class WebhookSettings
{
    public string? Url { get; set; }

    public string BodyTemplate { get; set; } =
        "{\"assignment_id\":\"${assignment_id}\",\"event\":\"${event}\",\"status\":\"${status}\",\"external_work_id\":\"${external_work_id}\",\"timestamp\":${timestamp}}";

    public string ContentType { get; set; } = "application/json";

    public string HeaderName { get; set; } = "X-WorkMarket-Secret";

    public string? HeaderValue { get; set; }

    /// <summary>Deliver every event twice (a duplicate delivery, as a retry after a lost acknowledgement would).</summary>
    public bool DeliverTwice { get; set; }
}
