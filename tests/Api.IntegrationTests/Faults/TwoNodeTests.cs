using System.Globalization;
using WorkOrders.Api.IntegrationTests.Jobs;
using Xunit.Abstractions;

namespace WorkOrders.Api.IntegrationTests.Faults;

/// <summary>Two API processes on one PostgreSQL database, each running the same clustered Quartz scheduler with short
/// intervals, for about 25 seconds: every scheduled firing runs on one node only (the <c>JobRuns</c> table the job
/// listener writes, one row per execution with its scheduled fire time and node), and the outbox rows are delivered
/// once each.</summary>
[Collection(FaultsSequence.Name)]
#pragma warning disable CA1001 // The SMTP server is disposed in IAsyncLifetime.DisposeAsync, which xunit calls.
public sealed class TwoNodeTests(ITestOutputHelper output) : IAsyncLifetime
#pragma warning restore CA1001
{
    private const int Messages = 200;
    private readonly SmtpTestServer _smtp = new();
    private readonly List<ApiProcess> _processes = [];
    private string _db = string.Empty;

    public async Task InitializeAsync() => _db = await TestDatabases.CreateAsync(TestProvider.Postgres);

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await _smtp.DisposeAsync();
        await TestDatabases.DropAsync(TestProvider.Postgres, _db);
    }

    private sealed record Run(string Job, string Trigger, DateTime? ScheduledFireAt, string Node, string Outcome);

    [Fact]
    public async Task TwoNodes_EveryScheduledFiringRunsOnce_AndEveryMessageIsDeliveredOnce()
    {
        // One node first (it creates Quartz's tables), then the second joins the cluster.
        var first = await StartAsync("node-1");
        var second = await StartAsync("node-2");
        var ids = await Drafts.GenerateAsync(_db, Messages);
        using (var admin = await second.AdminAsync())
        {
            (await FaultApi.PublishAsync(admin, ids)).Succeeded.ShouldBe(Messages);
        }

        await Task.Delay(TimeSpan.FromSeconds(25));
        await FaultApi.WaitDrainedAsync(_db, TimeSpan.FromMinutes(2), () => first.LogTail + "\n---\n" + second.LogTail);
        first.HasExited.ShouldBeFalse(first.LogTail);
        second.HasExited.ShouldBeFalse(second.LogTail);

        (await Sql.CountAsync(_db, "SELECT COUNT(*) FROM qrtz_scheduler_state WHERE sched_name = 'faults'")).ShouldBe(2);
        var runs = await Sql.ListAsync(_db, """SELECT "Job", "Trigger", "ScheduledFireAt", "Node", "Outcome" FROM "JobRuns" """,
            r => new Run(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetDateTime(2), r.GetString(3), r.GetString(4)));

        // Each firing of each trigger ran once, on one node, and succeeded; both recurring jobs fired many times.
        var twice = runs.GroupBy(r => (r.Trigger, r.ScheduledFireAt)).Where(g => g.Count() > 1).ToList();
        twice.ShouldBeEmpty(string.Join("; ", twice.Select(g => $"{g.Key.Trigger} @ {g.Key.ScheduledFireAt:O} x{g.Count()} on {string.Join(",", g.Select(r => r.Node))}")));
        runs.ShouldAllBe(r => r.ScheduledFireAt != null && r.Outcome == "Succeeded");
        runs.Count(r => r.Job == "workorders.outbox-processor").ShouldBeGreaterThan(5);
        runs.Count(r => r.Job == "workorders.open-work-follow-up").ShouldBeGreaterThan(3);

        // Every message delivered once: as many deliveries as outbox rows, each Message-ID once.
        (await Sql.CountAsync(_db, FaultApi.DeadLetteredSql)).ShouldBe(0);
        var received = _smtp.Received;
        var outboxIds = await Sql.ListAsync(_db, """SELECT "Id" FROM "OutboxMessages" WHERE "Type" = 'Email'""", r => r.GetGuid(0));
        outboxIds.Count.ShouldBe(Messages);
        received.Select(m => m.MessageId).Order(StringComparer.Ordinal).ShouldBe(outboxIds.Select(FaultApi.ExpectedMessageId).Order(StringComparer.Ordinal));

        foreach (var node in runs.GroupBy(r => r.Node).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"node {node.Key}: {string.Join(", ", node.GroupBy(r => r.Job).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}"))}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"two nodes: {runs.Count} job runs, 0 fire times executed twice; {received.Count} deliveries of {Messages} messages, 0 duplicates"));
    }

    private async Task<ApiProcess> StartAsync(string name)
    {
        var process = await ApiProcess.StartAsync(name, FaultApi.JobNode(_db, _smtp.Port, batchSize: 10));
        _processes.Add(process);
        return process;
    }
}
