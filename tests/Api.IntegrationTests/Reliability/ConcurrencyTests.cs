using Microsoft.EntityFrameworkCore;
using WorkOrders.Api.IntegrationTests.WorkOrderTests;

namespace WorkOrders.Api.IntegrationTests.Reliability;

/// <summary>Optimistic concurrency under real contention: many writers holding the same ETag, one wins.</summary>
public abstract class ConcurrencyTests(ApiFactory factory)
{
    private const int Writers = 100;

    [Fact]
    public async Task HundredConcurrentUpdates_WithTheSameETag_ExactlyOneWins_TheRestAre412_NoLostUpdate()
    {
        var client = await factory.SignInAsync("Dispatcher");
        var (customer, site) = await Wo.CustomerWithSiteAsync(client);
        var workOrder = await Wo.CreateAsync(client, customer.Id, site.Id);
        var etag = $"\"{workOrder.Version}\"";
        var auditsBefore = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == workOrder.Id));

        var responses = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => client.PutJsonAsync(
            $"/api/v1/work-orders/{workOrder.Id}",
            new { title = $"Writer {i:D3}", serviceRequested = "Fix the leak", category = "Service" },
            etag)));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        statuses.Count(s => s == 200).ShouldBe(1, string.Join(",", statuses.GroupBy(s => s).Select(g => $"{g.Key}×{g.Count()}")));
        statuses.Count(s => s == 412).ShouldBe(Writers - 1);
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.PreconditionFailed))
        {
            await refused.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        }

        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ShouldBeAsync<WoDetail>(HttpStatusCode.OK);
        var after = await Wo.GetAsync(client, workOrder.Id);
        after.Title.ShouldBe(winner.Title);
        after.Version.ShouldBe(workOrder.Version + 1);
        (await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == workOrder.Id))).ShouldBe(auditsBefore + 1);
    }
}

public sealed class ConcurrencyTestsOnSqlite(SqliteApiFactory factory) : ConcurrencyTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class ConcurrencyTestsOnPostgres(PostgresApiFactory factory) : ConcurrencyTests(factory), IClassFixture<PostgresApiFactory>;
