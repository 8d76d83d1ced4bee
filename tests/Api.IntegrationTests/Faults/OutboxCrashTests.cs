using System.Diagnostics;
using System.Globalization;
using WorkOrders.Api.IntegrationTests.Jobs;
using Xunit.Abstractions;

namespace WorkOrders.Api.IntegrationTests.Faults;

/// <summary>1,000 e-mails in the outbox, an API process draining them to a real SMTP server (<see cref="SmtpTestServer"/>
/// on 127.0.0.1) killed with SIGKILL when about a third have arrived, a new process finishing the job: nothing is
/// lost, and the few sent twice carry the Message-ID of their first delivery. Also reports the throughput.</summary>
[Collection(FaultsSequence.Name)]
#pragma warning disable CA1001 // The SMTP server is disposed in IAsyncLifetime.DisposeAsync, which xunit calls.
public sealed class OutboxCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Messages = 1000;
    private const int BatchSize = 50;
    private readonly SmtpTestServer _smtp = new();
    private readonly List<ApiProcess> _processes = [];
    private string _db = string.Empty;

#pragma warning restore CA1001
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

    [Fact]
    public async Task KilledMidDrain_ANewProcessDeliversTheRest_NoneLost_DuplicatesKeepTheirMessageId()
    {
        var first = await StartAsync("node-1");
        var ids = await Drafts.GenerateAsync(_db, Messages);
        using (var admin = await first.AdminAsync())
        {
            (await FaultApi.PublishAsync(admin, ids)).Succeeded.ShouldBe(Messages); // 1,000 "opened" e-mails (with a PDF each), set-based
        }

        var published = Stopwatch.StartNew();
        var outboxIds = await Sql.ListAsync(_db, """SELECT "Id" FROM "OutboxMessages" WHERE "Type" = 'Email'""", r => r.GetGuid(0));
        outboxIds.Count.ShouldBe(Messages);

        // Kill -9 at about a third.
        await WaitAsync(() => _smtp.Received.Count >= Messages / 3, TimeSpan.FromMinutes(3), "a third of the mail to arrive");
        first.Kill();
        var killedAt = published.Elapsed;
        var atKill = _smtp.Received.Count;
        var claimedAtKill = await Sql.CountAsync(_db,
            """SELECT COUNT(*) FROM "OutboxMessages" WHERE "ProcessedAt" IS NULL AND "DeadLetteredAt" IS NULL AND "Attempts" > 0""");

        await Task.Delay(500);
        var settledAfterKill = _smtp.Received.Count;
        var second = await StartAsync("node-2");
        var restartedAt = published.Elapsed;
        await FaultApi.WaitDrainedAsync(_db, TimeSpan.FromMinutes(4), () => second.LogTail);
        var drainedAt = published.Elapsed;

        // Every message delivered, none dead-lettered.
        (await Sql.CountAsync(_db, FaultApi.PendingSql)).ShouldBe(0);
        (await Sql.CountAsync(_db, FaultApi.DeadLetteredSql)).ShouldBe(0);
        (await Sql.CountAsync(_db, """SELECT COUNT(*) FROM "OutboxMessages" WHERE "ProcessedAt" IS NOT NULL""")).ShouldBe(Messages);

        // The server got every one: one distinct Message-ID per outbox row.
        var received = _smtp.Received;
        var byMessageId = received.GroupBy(m => m.MessageId, StringComparer.Ordinal).ToList();
        byMessageId.Select(g => g.Key).Order(StringComparer.Ordinal)
            .ShouldBe(outboxIds.Select(FaultApi.ExpectedMessageId).Order(StringComparer.Ordinal));

        // A duplicate is the same message again (same subject and recipients) under the same Message-ID, and there
        // are at most as many as were in flight at the kill (one claimed batch).
        var duplicates = received.Count - byMessageId.Count;
        received.GroupBy(m => (m.Subject, string.Join(',', m.To))).Count().ShouldBe(Messages);
        foreach (var group in byMessageId.Where(g => g.Count() > 1))
        {
            group.Select(m => (m.Subject, string.Join(',', m.To))).Distinct().ShouldHaveSingleItem();
        }

        duplicates.ShouldBeLessThanOrEqualTo(BatchSize);

        var firstRate = atKill / killedAt.TotalMinutes;
        var secondRate = (received.Count - settledAfterKill) / (drainedAt - restartedAt).TotalMinutes;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"outbox crash: {Messages} e-mails; node-1 SIGKILLed after {atKill} had arrived ({killedAt.TotalSeconds:0.0} s after the publish; {claimedAtKill} claimed but unmarked rows at the kill); node-2 drained the rest"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"received {received.Count} deliveries, {byMessageId.Count} distinct Message-IDs, {duplicates} duplicate(s) (same Message-ID), lost 0, dead letters 0"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"throughput outbox -> SMTP: node-1 {firstRate:N0} messages/min; node-2 {secondRate:N0} messages/min including its start-up, the claim lease ({FaultApi.JobNode(_db, 0)["Jobs__ClaimLease"]}) and Quartz's cluster recovery ({(drainedAt - restartedAt).TotalSeconds:0.0} s from ready to drained)"));
    }

    private async Task<ApiProcess> StartAsync(string name)
    {
        var process = await ApiProcess.StartAsync(name, FaultApi.JobNode(_db, _smtp.Port, BatchSize));
        _processes.Add(process);
        return process;
    }

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(10);
        }
    }
}
