using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace WorkOrders.Api.IntegrationTests.Faults;

/// <summary>An API process SIGKILLed while it handles <c>POST /api/v1/work-orders/bulk</c> publishing 10,000 Drafts, at
/// the moment its transaction has started writing: after a restart either all 10,000 changed (status, history,
/// outbox rows) or none did; the retried request then completes.</summary>
[Collection(FaultsSequence.Name)]
public sealed class BulkCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Count = 10_000;
    private readonly List<ApiProcess> _processes = [];
    private string _db = string.Empty;

    public async Task InitializeAsync() => _db = await TestDatabases.CreateAsync(TestProvider.Postgres);

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await TestDatabases.DropAsync(TestProvider.Postgres, _db);
    }

    [Fact]
    public async Task KilledMidBulk_AllOrNothingChanged_AndTheRetryCompletes()
    {
        var first = await StartAsync("node-1");
        var ids = await Drafts.GenerateAsync(_db, Count);
        ids.Count.ShouldBe(Count);
        var inList = "'" + string.Join("','", ids) + "'";

        using var admin = await first.AdminAsync(TimeSpan.FromMinutes(2));
        var sent = Stopwatch.StartNew();
        var request = FaultApi.PublishAsync(admin, ids);

        // Kill when the request's transaction has written (a transaction id is assigned at its first row lock/write).
        var writing = """
            SELECT COUNT(*) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL
            """;
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (await Sql.CountAsync(_db, writing) == 0 && !request.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        request.IsCompleted.ShouldBeFalse("the bulk request finished before the kill; nothing was tested");
        first.Kill();
        var killedAfter = sent.Elapsed;
        await Should.ThrowAsync<HttpRequestException>(() => request);

        // PostgreSQL rolls the dead client's transaction back once it notices; wait for that.
        var until = DateTime.UtcNow.AddSeconds(60);
        while (await Sql.CountAsync(_db, writing) > 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        var (published, history, outbox, audit) = await CountsAsync(inList);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bulk crash: SIGKILL {killedAfter.TotalMilliseconds:0} ms into the request, mid-transaction; after it: {published} published, {history} history rows, {outbox} outbox rows, {audit} audit rows"));
        published.ShouldBeOneOf(0, Count);
        history.ShouldBe(published);
        outbox.ShouldBe(published);
        audit.ShouldBe(published);

        // A new process; the retry completes the batch.
        var second = await StartAsync("node-2");
        using var again = await second.AdminAsync(TimeSpan.FromMinutes(2));
        var retry = await FaultApi.PublishAsync(again, ids);
        retry.Succeeded.ShouldBe(Count - (int)published);
        (await CountsAsync(inList)).ShouldBe((Count, Count, Count, Count));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"retry: {retry.Succeeded} changed; now {Count} published with history, outbox and audit rows"));
    }

    private async Task<(long Published, long History, long Outbox, long Audit)> CountsAsync(string inList) => (
        await Sql.CountAsync(_db, $"""SELECT COUNT(*) FROM "WorkOrders" WHERE "Id" IN ({inList}) AND "Status" = 'Published'"""),
        await Sql.CountAsync(_db, $"""SELECT COUNT(*) FROM "StatusHistory" WHERE "WorkOrderId" IN ({inList}) AND "Action" = 'Publish'"""),
        await Sql.CountAsync(_db, """SELECT COUNT(*) FROM "OutboxMessages" WHERE "Type" = 'Email'"""),
        await Sql.CountAsync(_db, $"""SELECT COUNT(*) FROM "AuditEntries" WHERE "EntityId" IN ({inList}) AND "Action" = 'BulkPublish'"""));

    private async Task<ApiProcess> StartAsync(string name)
    {
        var process = await ApiProcess.StartAsync(name, ApiProcess.BaseSettings(_db)); // no scheduler: the outbox rows stay to be counted
        _processes.Add(process);
        return process;
    }
}
