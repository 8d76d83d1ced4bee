using Microsoft.EntityFrameworkCore;
using WorkOrders.Infrastructure.Persistence.Outbox;

namespace WorkOrders.Api.IntegrationTests.Ops;

/// <summary>The background-job dashboard's API over the outbox table and the job store.</summary>
public abstract class OpsDashboardTests(ApiFactory factory)
{
    public sealed record OutboxRow(Guid Id, string Type, string Key, string State, int Attempts, DateTime CreatedAt, DateTime AvailableAt,
        DateTime? ProcessedAt, DateTime? DeadLetteredAt, string? LastError);

    public sealed record TypeCount(string Type, int Pending, int Failing, int DeadLettered);

    public sealed record Summary(int Pending, int Failing, int DeadLettered, int ProcessedLastHour, DateTime? OldestPendingCreatedAt, List<TypeCount> ByType);

    [Fact]
    public async Task Outbox_ListsByState_NewestFirst_InKeysetPages()
    {
        var ops = await factory.SignInAsync("Ops");
        var type = Unique.Name("OpsTest").Replace(' ', '-');
        var (pending, failing, dead, done) = await SeedAsync(type);

        var all = await (await ops.GetAsync($"/api/v1/ops/outbox?type={type}&limit=2")).ShouldBeAsync<Page<OutboxRow>>(HttpStatusCode.OK);
        all.Items.Select(m => m.Id).ShouldBe([done, dead]);
        all.NextCursor.ShouldNotBeNull();
        var rest = await (await ops.GetAsync($"/api/v1/ops/outbox?type={type}&limit=2&cursor={all.NextCursor}")).ShouldBeAsync<Page<OutboxRow>>(HttpStatusCode.OK);
        rest.Items.Select(m => m.Id).ShouldBe([failing, pending]);
        rest.NextCursor.ShouldBeNull();

        var deadOnly = await (await ops.GetAsync($"/api/v1/ops/outbox?type={type}&state=DeadLettered")).ShouldBeAsync<Page<OutboxRow>>(HttpStatusCode.OK);
        deadOnly.Items.ShouldHaveSingleItem().Id.ShouldBe(dead);
        deadOnly.Items[0].LastError.ShouldBe("SMTP 550 mailbox unavailable");
        var waiting = await (await ops.GetAsync($"/api/v1/ops/outbox?type={type}&state=Pending")).ShouldBeAsync<Page<OutboxRow>>(HttpStatusCode.OK);
        waiting.Items.Select(m => m.Id).ShouldBe([failing, pending]);
        var delivered = await (await ops.GetAsync($"/api/v1/ops/outbox?type={type}&state=Processed")).ShouldBeAsync<Page<OutboxRow>>(HttpStatusCode.OK);
        delivered.Items.ShouldHaveSingleItem().Id.ShouldBe(done);
    }

    [Fact]
    public async Task Summary_CountsWaitingFailingAndDeadLettered_ByType()
    {
        var ops = await factory.SignInAsync("Ops");
        var type = Unique.Name("OpsSummary").Replace(' ', '-');
        await SeedAsync(type);

        var summary = await (await ops.GetAsync("/api/v1/ops/outbox/summary")).ShouldBeAsync<Summary>(HttpStatusCode.OK);

        var row = summary.ByType.Single(t => t.Type == type);
        (row.Pending, row.Failing, row.DeadLettered).ShouldBe((2, 1, 1));
        summary.Pending.ShouldBeGreaterThanOrEqualTo(2);
        summary.DeadLettered.ShouldBeGreaterThanOrEqualTo(1);
        summary.ProcessedLastHour.ShouldBeGreaterThanOrEqualTo(1);
        summary.OldestPendingCreatedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Retry_PutsADeadLetteredMessageBackInTheQueue_DueNow_AndAuditsIt()
    {
        var ops = await factory.SignInAsync("Ops");
        var (_, _, dead, done) = await SeedAsync(Unique.Name("OpsRetry").Replace(' ', '-'));

        var retried = await (await ops.PostAsync($"/api/v1/ops/outbox/{dead}/retry", null)).ShouldBeAsync<OutboxRow>(HttpStatusCode.OK);

        retried.State.ShouldBe("Pending");
        retried.Attempts.ShouldBe(0);
        retried.DeadLetteredAt.ShouldBeNull();
        retried.AvailableAt.ShouldBeLessThanOrEqualTo(DateTime.UtcNow.AddSeconds(1));
        var row = await factory.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == dead));
        (row.DeadLetteredAt, row.Attempts).ShouldBe((null, 0));
        (await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == dead && a.Action == "Retried"))).ShouldBe(1);

        var again = await ops.PostAsync($"/api/v1/ops/outbox/{done}/retry", null);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await ops.PostAsync($"/api/v1/ops/outbox/{Guid.NewGuid()}/retry", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Jobs_TriggeringAJobTheSchedulerDoesNotHave_Is404()
    {
        var ops = await factory.SignInAsync("Ops");

        (await ops.GetAsync("/api/v1/ops/jobs")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await ops.PostAsync("/api/v1/ops/jobs/nowhere/nothing/trigger", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BadFilters_Are400()
    {
        var ops = await factory.SignInAsync("Ops");

        await (await ops.GetAsync("/api/v1/ops/outbox?state=Lost")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await ops.GetAsync("/api/v1/ops/outbox?limit=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await ops.GetAsync("/api/v1/ops/outbox?cursor=garbage")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    /// <summary>Four messages of <paramref name="type"/>, oldest first: waiting, failing (one attempt), dead-lettered, delivered.</summary>
    private async Task<(Guid Pending, Guid Failing, Guid Dead, Guid Done)> SeedAsync(string type)
    {
        var now = DateTime.UtcNow;
        OutboxMessage Message(int n) => new()
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(now.AddSeconds(n - 10))), Type = type, Key = $"{type}:{n}", Payload = "{}",
            CreatedAt = now.AddSeconds(n - 10), AvailableAt = now.AddSeconds(n - 10),
        };
        var pending = Message(1);
        var failing = Message(2);
        failing.Attempts = 1;
        failing.AvailableAt = now.AddMinutes(5);
        failing.LastError = "SMTP timeout";
        var dead = Message(3);
        dead.Attempts = 8;
        dead.DeadLetteredAt = now;
        dead.LastError = "SMTP 550 mailbox unavailable";
        var done = Message(4);
        done.Attempts = 1;
        done.ProcessedAt = now;
        await factory.WithDbAsync(async db =>
        {
            db.Set<OutboxMessage>().AddRange(pending, failing, dead, done);
            return await db.SaveChangesAsync();
        });
        return (pending.Id, failing.Id, dead.Id, done.Id);
    }
}

public sealed class OpsDashboardTestsOnSqlite(SqliteApiFactory factory) : OpsDashboardTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class OpsDashboardTestsOnPostgres(PostgresApiFactory factory) : OpsDashboardTests(factory), IClassFixture<PostgresApiFactory>;
