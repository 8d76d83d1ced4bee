using Microsoft.EntityFrameworkCore;

namespace WorkOrders.Api.IntegrationTests.WorkOrderTests;

/// <summary>Idempotency-Key on partner creates: a retry returns the first result and creates nothing new.</summary>
public abstract class WorkOrderIdempotencyTests(ApiFactory factory)
{
    [Fact]
    public async Task SameKey_SameBody_Twice_ReturnsTheSameWorkOrder_AndCreatesOneRow()
    {
        var (customer, site, partner) = await PartnerWithCustomerAsync();
        var key = "retry-" + Unique.Suffix();
        var body = Wo.Body(customer.Id, site.Id, "Meter fault");

        var first = await (await Wo.PostAsync(partner, "/api/v1/work-orders", body, key)).ShouldBeAsync<WoDetail>(HttpStatusCode.Created);
        var second = await (await Wo.PostAsync(partner, "/api/v1/work-orders", body, key)).ShouldBeAsync<WoDetail>(HttpStatusCode.Created);

        second.Id.ShouldBe(first.Id);
        second.Number.ShouldBe(first.Number);
        (await CountAsync(customer.Id)).ShouldBe(1);
        (await factory.WithDbAsync(db => db.StatusChanges.CountAsync(h => h.WorkOrderId == first.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task SameKey_DifferentBody_Is422_AndCreatesNothing()
    {
        var (customer, site, partner) = await PartnerWithCustomerAsync();
        var key = "reuse-" + Unique.Suffix();
        (await Wo.PostAsync(partner, "/api/v1/work-orders", Wo.Body(customer.Id, site.Id, "First job"), key)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var reused = await Wo.PostAsync(partner, "/api/v1/work-orders", Wo.Body(customer.Id, site.Id, "A different job"), key);

        await reused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        (await CountAsync(customer.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task DifferentKeys_CreateDifferentWorkOrders()
    {
        var (customer, site, partner) = await PartnerWithCustomerAsync();
        var body = Wo.Body(customer.Id, site.Id, "Same body");

        var first = await (await Wo.PostAsync(partner, "/api/v1/work-orders", body, "k1-" + Unique.Suffix())).ShouldBeAsync<WoDetail>(HttpStatusCode.Created);
        var second = await (await Wo.PostAsync(partner, "/api/v1/work-orders", body, "k2-" + Unique.Suffix())).ShouldBeAsync<WoDetail>(HttpStatusCode.Created);

        second.Id.ShouldNotBe(first.Id);
        (await CountAsync(customer.Id)).ShouldBe(2);
    }

    [Fact]
    public async Task TheSameKey_FromTwoDifferentPartners_IsTwoRequests()
    {
        var (customer, site, partner) = await PartnerWithCustomerAsync();
        var other = await factory.PartnerAsync(customer.Id);
        var key = "shared-" + Unique.Suffix();
        var body = Wo.Body(customer.Id, site.Id, "Meter fault");

        var mine = await (await Wo.PostAsync(partner, "/api/v1/work-orders", body, key)).ShouldBeAsync<WoDetail>(HttpStatusCode.Created);
        var theirs = await (await Wo.PostAsync(other, "/api/v1/work-orders", body, key)).ShouldBeAsync<WoDetail>(HttpStatusCode.Created);

        theirs.Id.ShouldNotBe(mine.Id);
    }

    [Fact]
    public async Task TenConcurrentRequests_WithTheSameKey_CreateExactlyOneWorkOrder_AndAllAnswerItsId()
    {
        var (customer, site, partner) = await PartnerWithCustomerAsync();
        var key = "burst-" + Unique.Suffix();
        var body = Wo.Body(customer.Id, site.Id, "Burst");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Wo.PostAsync(partner, "/api/v1/work-orders", body, key)));

        var ids = new List<Guid>();
        foreach (var response in responses)
        {
            ids.Add((await response.ShouldBeAsync<WoDetail>(HttpStatusCode.Created)).Id);
        }

        ids.Distinct().ShouldHaveSingleItem();
        (await CountAsync(customer.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task Events_AreIdempotentToo()
    {
        var (customer, site, partner) = await PartnerWithCustomerAsync();
        var key = "event-" + Unique.Suffix();
        var body = new { kind = "MoveIn", customerId = customer.Id, siteId = site.Id, reference = "ACC-1" };

        var first = await (await Wo.PostAsync(partner, "/api/v1/events", body, key)).ShouldBeAsync<WoDetail>(HttpStatusCode.Created);
        var again = await (await Wo.PostAsync(partner, "/api/v1/events", body, key)).ShouldBeAsync<WoDetail>(HttpStatusCode.Created);

        again.Id.ShouldBe(first.Id);
        (await CountAsync(customer.Id)).ShouldBe(1);
        await (await Wo.PostAsync(partner, "/api/v1/events", body with { }, key)).ShouldBeAsync<WoDetail>(HttpStatusCode.Created);
        await (await Wo.PostAsync(partner, "/api/v1/events", new { kind = "MoveOut", customerId = customer.Id, siteId = site.Id, reference = "ACC-1" }, key))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        (await CountAsync(customer.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task ARefusedFirstAttempt_StoresNoAnswer_SoTheRetryIsJudgedAfresh()
    {
        var admin = await factory.SessionAsync("Admin");
        var (customer, site) = await Wo.CustomerWithSiteAsync(admin);
        var partner = await factory.PartnerAsync(customer.Id);
        var key = "after-fix-" + Unique.Suffix();
        (await admin.PostJsonAsync($"/api/v1/sites/{site.Id}/deactivate", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = Wo.Body(customer.Id, site.Id, "Retry me");

        await (await Wo.PostAsync(partner, "/api/v1/work-orders", body, key)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await admin.PostJsonAsync($"/api/v1/sites/{site.Id}/reactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var retried = await (await Wo.PostAsync(partner, "/api/v1/work-orders", body, key)).ShouldBeAsync<WoDetail>(HttpStatusCode.Created);
        retried.Source.ShouldBe("Partner");
        (await CountAsync(customer.Id)).ShouldBe(1);
    }

    private async Task<(Customer Customer, Site Site, HttpClient Partner)> PartnerWithCustomerAsync()
    {
        var admin = await factory.SessionAsync("Admin");
        var (customer, site) = await Wo.CustomerWithSiteAsync(admin);
        return (customer, site, await factory.PartnerAsync(customer.Id));
    }

    private Task<int> CountAsync(Guid customerId) => factory.WithDbAsync(db => db.WorkOrders.CountAsync(w => w.CustomerId == customerId));
}

public sealed class WorkOrderIdempotencyTestsOnSqlite(SqliteApiFactory factory) : WorkOrderIdempotencyTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class WorkOrderIdempotencyTestsOnPostgres(PostgresApiFactory factory) : WorkOrderIdempotencyTests(factory), IClassFixture<PostgresApiFactory>;
