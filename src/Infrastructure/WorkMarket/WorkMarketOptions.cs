namespace WorkOrders.Infrastructure.WorkMarket;

/// <summary>The <c>WorkMarket</c> configuration section: where the Employer API is, our credentials, where
/// assignments are sent, and the resilience settings of the HTTP client.</summary>
public sealed class WorkMarketOptions
{
    public const string Section = "WorkMarket";

    /// <summary>Off: dispatches are recorded as failed ("disabled") and the reconciliation does nothing.</summary>
    public bool Enabled { get; set; }

    /// <summary>https://www.workmarket.com, https://api.dev.workmarket.com, or the sandbox (http://127.0.0.1:5099).</summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1:5099";

    /// <summary>The API token and secret (WorkMarket settings → API), exchanged for an access token.</summary>
    public string Token { get; set; } = string.Empty;

    public string Secret { get; set; } = string.Empty;

    /// <summary>The shared secret WorkMarket's webhook sends in <see cref="WebhookSecretHeader"/>; empty: every webhook is refused.</summary>
    public string WebhookSecret { get; set; } = string.Empty;

    public string WebhookSecretHeader { get; set; } = "X-WorkMarket-Secret";

    /// <summary>Talent pools (group ids) new assignments are sent to.</summary>
    public List<long> TalentPoolIds { get; set; } = [];

    /// <summary>Individual workers (resource ids) new assignments are sent to.</summary>
    public List<string> WorkerIds { get; set; } = [];

    public bool AssignToFirstToAccept { get; set; } = true;

    public long IndustryId { get; set; }

    /// <summary>Flat price of an assignment (the work order carries no price for the marketplace).</summary>
    public decimal FlatPrice { get; set; } = 150m;

    /// <summary>Used when the site's address has no country (WorkMarket takes USA or CAN).</summary>
    public string DefaultCountry { get; set; } = "USA";

    /// <summary>Each HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>One call with all its retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Median first delay of the exponential backoff (with jitter).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait a 429's X-Rate-Limit-Reset may ask for; longer: the call fails and the job retries later.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(30);

    public double CircuitFailureRatio { get; set; } = 0.5;

    public int CircuitMinimumThroughput { get; set; } = 10;

    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the reconciliation polls <c>list_updated</c>.</summary>
    public TimeSpan ReconciliationInterval { get; set; } = TimeSpan.FromMinutes(5);

    public int PageSize { get; set; } = 100;

    /// <summary>How far before a work order's first dispatch the look-up by our id searches <c>list_updated</c>.</summary>
    public TimeSpan LookupWindow { get; set; } = TimeSpan.FromDays(1);
}
