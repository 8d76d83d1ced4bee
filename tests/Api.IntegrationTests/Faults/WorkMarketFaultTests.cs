using System.Globalization;
using System.Net.Http.Json;
using WorkOrders.WorkMarket.Sandbox;
using Xunit.Abstractions;

namespace WorkOrders.Api.IntegrationTests.Faults;

/// <summary>50 work orders sent to WorkMarket by an API process whose real outbox job (Quartz) drains the dispatch
/// rows against the sandbox (real HTTP on 127.0.0.1, in this process) while it answers half of all calls 503, rate-
/// limits with 429 and loses a few create responses: every work order ends with exactly one assignment.</summary>
[Collection(FaultsSequence.Name)]
public sealed class WorkMarketFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Count = 50;
    private SandboxHost? _sandbox;
    private ApiProcess? _api;
    private string _db = string.Empty;

    public async Task InitializeAsync()
    {
        _db = await TestDatabases.CreateAsync(TestProvider.Postgres);
        _sandbox = await SandboxApp.StartAsync(configure: o =>
        {
            o.Token = "wm-token";
            o.Secret = "wm-secret";
            o.TalentPoolIds = [1001];
        });
    }

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        await TestDatabases.DropAsync(TestProvider.Postgres, _db);
    }

    [Fact]
    public async Task HalfTheCallsFail_503And429AndLostResponses_EveryWorkOrderGetsExactlyOneAssignment()
    {
        var settings = ApiProcess.BaseSettings(_db);
        settings["Jobs__Enabled"] = "true";
        settings["Jobs__SchedulerName"] = "faults-wm";
        settings["Jobs__OutboxPollInterval"] = "00:00:01";
        settings["Jobs__BatchSize"] = "50";
        settings["Jobs__BackoffBase"] = "00:00:00.500";
        settings["Jobs__BackoffCap"] = "00:00:02";
        settings["Jobs__MaxAttempts"] = "100";
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["Enabled"] = "true", ["BaseUrl"] = _sandbox!.BaseUrl, ["Token"] = "wm-token", ["Secret"] = "wm-secret",
            ["TalentPoolIds__0"] = "1001", ["IndustryId"] = "1000", ["RetryBaseDelay"] = "00:00:00.050", ["MaxRetryAttempts"] = "5",
            ["AttemptTimeout"] = "00:00:03", ["TotalTimeout"] = "00:00:15", ["MaxRateLimitWait"] = "00:00:03",
            ["CircuitFailureRatio"] = "0.95", ["CircuitBreakDuration"] = "00:00:01", ["ReconciliationInterval"] = "01:00:00", ["PageSize"] = "100",
        })
        {
            settings["WorkMarket__" + key] = value;
        }

        _api = await ApiProcess.StartAsync("api", settings);
        var ids = await Drafts.GenerateAsync(_db, Count, customers: 5);
        using var admin = await _api.AdminAsync();
        (await FaultApi.PublishAsync(admin, ids)).Succeeded.ShouldBe(Count);

        _sandbox.Faults = new FaultSettings
        {
            ServiceUnavailableRate = 0.5, RateLimitNext = 15, RateLimitResetSeconds = 1, LoseCreateResponsesNext = 3, LostResponseMode = "drop",
        };
        using (var response = await admin.PostAsJsonAsync(new Uri("/api/v1/work-orders/bulk", UriKind.Relative), new { action = "SendToWorkMarket", ids }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }

        const string pendingDispatches = """
            SELECT COUNT(*) FROM "OutboxMessages" WHERE "Type" = 'WorkMarketDispatch' AND "ProcessedAt" IS NULL AND "DeadLetteredAt" IS NULL
            """;
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (await Sql.CountAsync(_db, pendingDispatches) > 0)
        {
            (DateTime.UtcNow < deadline).ShouldBeTrue("dispatches still pending:\n" + _api.LogTail);
            await Task.Delay(500);
        }

        (await Sql.CountAsync(_db, """SELECT COUNT(*) FROM "OutboxMessages" WHERE "Type" = 'WorkMarketDispatch' AND "ProcessedAt" IS NOT NULL""")).ShouldBe(Count);
        (await Sql.CountAsync(_db, """SELECT COUNT(*) FROM "OutboxMessages" WHERE "Type" = 'WorkMarketDispatch' AND "DeadLetteredAt" IS NOT NULL""")).ShouldBe(0);
        var numbers = (await Sql.ListAsync(_db, $"""SELECT "Number" FROM "WorkOrders" WHERE "Id" IN ('{string.Join("','", ids)}')""", r => r.GetInt64(0)))
            .Select(n => n.ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).ToList();
        var assignments = _sandbox.Store.All();
        var perWorkOrder = assignments.GroupBy(a => a.ExternalWorkId ?? string.Empty, StringComparer.Ordinal).ToList();
        perWorkOrder.Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
        perWorkOrder.Select(g => g.Key).Order(StringComparer.Ordinal).ShouldBe(numbers);
        var attempts = await Sql.CountAsync(_db, """SELECT COALESCE(SUM("Attempts"), 0) FROM "OutboxMessages" WHERE "Type" = 'WorkMarketDispatch'""");
        var requests = _sandbox.Store.RequestCounts().GroupBy(r => r.Key.Contains("/send", StringComparison.Ordinal) ? "send" : r.Key.Split('/')[^1])
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Value), StringComparer.Ordinal);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"workmarket faults: {Count} work orders, {assignments.Count} assignments (1 per external_work_id), {attempts} outbox attempts, sandbox requests: {string.Join(", ", requests.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}"))}"));
    }
}
