using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using WorkOrders.WorkMarket.Sandbox;

namespace WorkOrders.Api.IntegrationTests.Integrations;

/// <summary>The API with its WorkMarket integration pointed at a real sandbox (Kestrel on 127.0.0.1, a free port,
/// in this process): our client talks real HTTP to it. Short backoffs and a small circuit-breaker throughput so
/// the fault cases run in seconds; pages of 2 so the look-up and the reconciliation page.</summary>
public abstract class WorkMarketApiFactory(TestProvider provider) : ApiFactory(provider)
{
    public const string WebhookSecret = "test-webhook-secret-4f1c";
    public const string WebhookHeader = "X-WorkMarket-Secret";
    public const long TalentPool = 1001;

    private SandboxHost? _sandbox;

    public SandboxHost Sandbox => _sandbox ?? throw new InvalidOperationException("The sandbox starts with the API (InitializeAsync).");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.ConfigureWebHost(builder);
        _sandbox ??= SandboxApp.StartAsync(configure: o =>
        {
            o.Token = "wm-token";
            o.Secret = "wm-secret";
            o.TalentPoolIds = [TalentPool, 1002];
            o.WebhookHandlerFactory = () => Server.CreateHandler(); // webhooks reach the in-memory API
        }).GetAwaiter().GetResult();

        var settings = new Dictionary<string, string>
        {
            ["Enabled"] = "true",
            ["BaseUrl"] = _sandbox.BaseUrl,
            ["Token"] = "wm-token",
            ["Secret"] = "wm-secret",
            ["WebhookSecret"] = WebhookSecret,
            ["WebhookSecretHeader"] = WebhookHeader,
            ["TalentPoolIds:0"] = TalentPool.ToString(CultureInfo.InvariantCulture),
            ["IndustryId"] = "1000",
            ["FlatPrice"] = "180",
            ["RetryBaseDelay"] = "00:00:00.020",
            ["MaxRetryAttempts"] = "3",
            ["AttemptTimeout"] = "00:00:03",
            ["TotalTimeout"] = "00:00:20",
            ["MaxRateLimitWait"] = "00:00:05",
            ["CircuitMinimumThroughput"] = "4",
            ["CircuitFailureRatio"] = "0.5",
            ["CircuitSamplingDuration"] = "00:00:30",
            ["CircuitBreakDuration"] = "00:05:00",
            ["ReconciliationInterval"] = "01:00:00",
            ["PageSize"] = "2",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting("WorkMarket:" + key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await DisposeSandboxAsync();
        GC.SuppressFinalize(this);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            DisposeSandboxAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private async ValueTask DisposeSandboxAsync()
    {
        if (Interlocked.Exchange(ref _sandbox, null) is { } sandbox)
        {
            await sandbox.DisposeAsync();
        }
    }
}

public sealed class SqliteWorkMarketApiFactory() : WorkMarketApiFactory(TestProvider.Sqlite);

public sealed class PostgresWorkMarketApiFactory() : WorkMarketApiFactory(TestProvider.Postgres);
