using Microsoft.EntityFrameworkCore;
using WorkOrders.Domain.Common;
using WorkOrders.Domain.WorkOrders;
using WorkOrders.Infrastructure.Persistence.Outbox;

namespace WorkOrders.Api.IntegrationTests.Bulk;

public sealed record BulkItem(Guid Id, string? Number, bool Succeeded, string? Reason, string? Status);

public sealed record BulkReason(string Reason, int Count);

public sealed record BulkResult(string Action, bool DryRun, int Requested, int Succeeded, int Failed, List<BulkReason> FailureReasons, List<BulkItem> Results);

public sealed record WorkOrderBody(Guid Id, long Number, string Status, string Routing, Guid? ProviderId, string InvoiceStatus, DateTime? PaymentApprovedAt, int Version);

/// <summary>POST /work-orders/bulk: per-item results, dry run = real run, roles, set-based on both providers.</summary>
public abstract class BulkActionTests(ApiFactory factory)
{
    [Fact]
    public async Task Publish_MixedBatch_ReportsEachItem_AndDryRunAnswersExactlyWhatTheRealRunDoes()
    {
        var client = await factory.SignInAsync("Dispatcher");
        var (customer, site) = await CustomerWithSiteAsync(client);
        var drafts = await CreateAsync(client, customer, site, 3);
        var published = await CreateAsync(client, customer, site, 1, source: "Email");
        var deleted = (await CreateAsync(client, customer, site, 1))[0];
        (await client.DeleteAsync($"/api/v1/work-orders/{deleted}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var unknown = Guid.NewGuid();
        Guid[] ids = [.. drafts, published[0], deleted, unknown, drafts[0]];

        var preview = await BulkAsync(client, new { action = "Publish", ids, dryRun = true });
        var real = await BulkAsync(client, new { action = "Publish", ids });

        preview.DryRun.ShouldBeTrue();
        real.DryRun.ShouldBeFalse();
        preview.Results.Select(r => (r.Id, r.Succeeded, r.Reason)).ShouldBe(real.Results.Select(r => (r.Id, r.Succeeded, r.Reason)));
        real.Requested.ShouldBe(7);
        real.Succeeded.ShouldBe(3);
        real.Failed.ShouldBe(4);
        real.Results[3].Reason!.ShouldStartWith("Published: cannot publish");
        real.Results[4].Reason.ShouldBe("deleted");
        real.Results[5].Reason.ShouldBe("not found");
        real.Results[6].Reason.ShouldBe("duplicate id in the request");

        foreach (var id in drafts)
        {
            (await GetAsync(client, id)).Status.ShouldBe("Published");
        }

        // Each published item has its history row and its audit row.
        var (history, audit) = await factory.WithDbAsync(async db => (
            await db.StatusChanges.CountAsync(h => drafts.Contains(h.WorkOrderId) && h.Action == "Publish"),
            await db.AuditEntries.CountAsync(a => drafts.Contains(a.EntityId) && a.Action == "BulkPublish")));
        history.ShouldBe(3);
        audit.ShouldBe(3);

        // A second run changes nothing more.
        var again = await BulkAsync(client, new { action = "Publish", ids = drafts });
        again.Succeeded.ShouldBe(0);
    }

    [Fact]
    public async Task DryRun_ChangesNothing()
    {
        var client = await factory.SignInAsync("Dispatcher");
        var (customer, site) = await CustomerWithSiteAsync(client);
        var drafts = await CreateAsync(client, customer, site, 2);
        var before = await GetAsync(client, drafts[0]);

        var preview = await BulkAsync(client, new { action = "Cancel", ids = drafts, dryRun = true, reason = "no longer needed" });
        preview.Succeeded.ShouldBe(2);

        var after = await GetAsync(client, drafts[0]);
        after.Status.ShouldBe("Draft");
        after.Version.ShouldBe(before.Version);
    }

    [Fact]
    public async Task AssignToProvider_AndSendToWorkMarket_RouteTheWork_AndWriteOneOutboxRowPerDispatch()
    {
        var admin = await factory.SignInAsync("Admin");
        var provider = await (await admin.PostJsonAsync("/api/v1/service-providers",
            new { name = "Acme Plumbing", email = "ops@acme.example", kind = "PartnerCompany" })).ShouldBeAsync<ProviderBody>(HttpStatusCode.Created);
        var client = await factory.SignInAsync("Dispatcher");
        var (customer, site) = await CustomerWithSiteAsync(client);
        var work = await CreateAsync(client, customer, site, 4, source: "Phone");

        var assigned = await BulkAsync(client, new { action = "AssignProvider", ids = work[..2], providerId = provider.Id });
        assigned.Succeeded.ShouldBe(2);
        var first = await GetAsync(client, work[0]);
        first.Status.ShouldBe("Assigned");
        first.Routing.ShouldBe("Provider");
        first.ProviderId.ShouldBe(provider.Id);

        var sent = await BulkAsync(client, new { action = "SendToWorkMarket", ids = work });
        sent.Succeeded.ShouldBe(4); // re-assignment from Assigned is allowed
        (await GetAsync(client, work[0])).Routing.ShouldBe("WorkMarket");
        var keys = await factory.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Type == "WorkMarketDispatch").Select(m => m.Key).ToListAsync());
        foreach (var id in work)
        {
            keys.Count(k => k == $"workmarket-dispatch:{id}").ShouldBe(1);
        }
    }

    [Fact]
    public async Task Invoicing_IsForAccountsReceivable_AndPaymentApproval_ForProjectManagers_OnCompletedThirdPartyWork()
    {
        var admin = await factory.SignInAsync("Admin");
        var thirdParty = await (await admin.PostJsonAsync("/api/v1/service-providers",
            new { name = "Field Co", email = "field@co.example", kind = "ExternalTechnician" })).ShouldBeAsync<ProviderBody>(HttpStatusCode.Created);
        var internalTech = await (await admin.PostJsonAsync("/api/v1/service-providers",
            new { name = "In House", email = "tech@us.example", kind = "InternalTechnician" })).ShouldBeAsync<ProviderBody>(HttpStatusCode.Created);
        var dispatcher = await factory.SignInAsync("Dispatcher");
        var (customer, site) = await CustomerWithSiteAsync(dispatcher);
        var work = await CreateAsync(dispatcher, customer, site, 3, source: "Phone");
        (await BulkAsync(dispatcher, new { action = "AssignProvider", ids = work[..2], providerId = thirdParty.Id })).Succeeded.ShouldBe(2);
        (await BulkAsync(dispatcher, new { action = "AssignProvider", ids = work[2..], providerId = internalTech.Id })).Succeeded.ShouldBe(1);
        (await BulkAsync(dispatcher, new { action = "Complete", ids = work[1..] })).Succeeded.ShouldBe(2);

        // Roles: a dispatcher may not invoice or approve; the whole request is refused.
        (await dispatcher.PostJsonAsync("/api/v1/work-orders/bulk", new { action = "MarkInvoiced", ids = work })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var ar = await factory.SignInAsync("AccountsReceivable");
        (await ar.PostJsonAsync("/api/v1/work-orders/bulk", new { action = "ApprovePayment", ids = work })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ar.PostJsonAsync("/api/v1/work-orders/bulk", new { action = "Publish", ids = work })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var pm = await factory.SignInAsync("ProjectManager");
        var approval = await BulkAsync(pm, new { action = "ApprovePayment", ids = work });
        approval.Results.Select(r => r.Succeeded).ShouldBe([false, true, false]);
        approval.Results[0].Reason!.ShouldContain("only Completed");
        approval.Results[2].Reason.ShouldBe("not assigned to a third-party provider");

        var invoiced = await BulkAsync(ar, new { action = "MarkInvoiced", ids = work });
        invoiced.Results.Select(r => r.Succeeded).ShouldBe([false, true, true]);
        (await GetAsync(ar, work[1])).InvoiceStatus.ShouldBe("Yes");

        // Invoiced or payment-approved work can no longer be deleted.
        var delete = await BulkAsync(dispatcher, new { action = "Delete", ids = work });
        delete.Results.Select(r => r.Succeeded).ShouldBe([true, false, false]);
        delete.Results[1].Reason.ShouldBe("invoiced or payment-approved: cannot delete");
    }

    [Fact]
    public async Task ConcurrentBatches_OverTheSameIds_ChangeEachItemOnce()
    {
        var client = await factory.SignInAsync("Dispatcher");
        var (customer, site) = await CustomerWithSiteAsync(client);
        var drafts = await CreateAsync(client, customer, site, 20);

        var batches = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => BulkAsync(client, new { action = "Publish", ids = drafts })));

        batches.Sum(b => b.Succeeded).ShouldBe(20);
        var publishes = await factory.WithDbAsync(db => db.StatusChanges.CountAsync(h => drafts.Contains(h.WorkOrderId) && h.Action == "Publish"));
        publishes.ShouldBe(20);
    }

    [Fact]
    public async Task Validation_BadRequests_Are400()
    {
        var client = await factory.SignInAsync("Dispatcher");
        (await client.PostJsonAsync("/api/v1/work-orders/bulk", new { action = "Publish", ids = Array.Empty<Guid>() })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostJsonAsync("/api/v1/work-orders/bulk", new { action = "AssignProvider", ids = new[] { Guid.NewGuid() } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostJsonAsync("/api/v1/work-orders/bulk", new { action = "Explode", ids = new[] { Guid.NewGuid() } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var tooMany = Enumerable.Range(0, 10_001).Select(_ => Guid.NewGuid()).ToArray();
        var problem = await (await client.PostJsonAsync("/api/v1/work-orders/bulk", new { action = "Publish", ids = tooMany })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("ids", out _).ShouldBeTrue();
    }

    protected static async Task<(Guid Customer, Guid Site)> CustomerWithSiteAsync(HttpClient client)
    {
        var customer = await Make.CustomerAsync(client);
        var site = await Make.SiteAsync(client, customer.Id);
        return (customer.Id, site.Id);
    }

    protected static async Task<Guid[]> CreateAsync(HttpClient client, Guid customer, Guid site, int count, string source = "Office")
    {
        var ids = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            var response = await client.PostJsonAsync("/api/v1/work-orders",
                new { customerId = customer, siteId = site, title = $"Job {i}", serviceRequested = "Inspect", category = "Service", source });
            ids[i] = (await response.ShouldBeAsync<WorkOrderBody>(HttpStatusCode.Created)).Id;
        }

        return ids;
    }

    protected static async Task<BulkResult> BulkAsync(HttpClient client, object body) =>
        await (await client.PostJsonAsync("/api/v1/work-orders/bulk", body)).ShouldBeAsync<BulkResult>(HttpStatusCode.OK);

    protected static async Task<WorkOrderBody> GetAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/work-orders/{id}")).ShouldBeAsync<WorkOrderBody>(HttpStatusCode.OK);

    public sealed record ProviderBody(Guid Id, string Name);
}

public sealed class BulkActionTestsOnSqlite(SqliteApiFactory factory) : BulkActionTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class BulkActionTestsOnPostgres(PostgresApiFactory factory) : BulkActionTests(factory), IClassFixture<PostgresApiFactory>
{
    private readonly PostgresApiFactory _factory = factory;

    /// <summary>The normal large case: 10,000 ids in one request, every item changed with its history and audit row.</summary>
    [Fact]
    public async Task TenThousandIds_InOneRequest_AreAllPublished_WithHistoryAndAudit()
    {
        var client = await _factory.SignInAsync("Dispatcher");
        var (customerId, siteId) = await CustomerWithSiteAsync(client);
        var ids = await _factory.WithDbAsync(async db =>
        {
            var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
            var site = await db.CustomerSites.SingleAsync(s => s.Id == siteId);
            var first = await db.Database.SqlQueryRaw<long>("""UPDATE "Counters" SET "Value" = "Value" + 10000 WHERE "Name" = 'WorkOrder' RETURNING "Value" AS "Value" """)
                .ToListAsync();
            var start = first[0] - 10000 + 1;
            var actor = new Actor(null, "test", DateTime.UtcNow);
            var created = Enumerable.Range(0, 10_000).Select(i => WorkOrder.Create(start + i, customer, site, null,
                new WorkOrderDetails($"Meter {i}", "Read", null, null, WorkOrderCategory.SpecialRead, null, null, []), WorkOrderSource.Office, null, actor)).ToList();
            db.WorkOrders.AddRange(created);
            await db.SaveChangesAsync();
            return created.ConvertAll(w => w.Id);
        });

        var result = await BulkAsync(client, new { action = "Publish", ids });

        result.Succeeded.ShouldBe(10_000);
        var (published, history, audit) = await _factory.WithDbAsync(async db => (
            await db.WorkOrders.CountAsync(w => w.CustomerId == customerId && w.Status == WorkOrderStatus.Published),
            await db.StatusChanges.CountAsync(h => ids.Contains(h.WorkOrderId) && h.Action == "Publish"),
            await db.AuditEntries.CountAsync(a => a.Action == "BulkPublish" && ids.Contains(a.EntityId))));
        published.ShouldBe(10_000);
        history.ShouldBe(10_000);
        audit.ShouldBe(10_000);
    }
}
