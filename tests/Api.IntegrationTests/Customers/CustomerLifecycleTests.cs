using System.Net.Http.Json;

namespace WorkOrders.Api.IntegrationTests.Customers;

/// <summary>The customer lifecycle through HTTP; the same tests run on SQLite and on PostgreSQL.</summary>
public abstract class CustomerLifecycleTests(ApiFactory factory)
{
    [Fact]
    public async Task Create_ReturnsActiveCustomer_WithLocationAndETag()
    {
        var client = await factory.SignInAsync("Dispatcher");
        var response = await client.PostJsonAsync("/api/v1/customers", Make.Customer("Northwind Water"));

        var customer = await response.ShouldBeAsync<Customer>(HttpStatusCode.Created);
        customer.Status.ShouldBe("Active");
        customer.Contact.Email.ShouldBe("contact@example.com");
        customer.BillingAddress.City.ShouldBe("Springfield");
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/customers/{customer.Id}");
        response.Headers.ETag!.Tag.ShouldBe($"\"{customer.Version}\"");

        var read = await client.GetAsync($"/api/v1/customers/{customer.Id}");
        (await read.ShouldBeAsync<Customer>(HttpStatusCode.OK)).Name.ShouldBe("Northwind Water");
        read.Headers.ETag!.Tag.ShouldBe($"\"{customer.Version}\"");
    }

    [Fact]
    public async Task Search_MatchesAnyPartOfTheName_CaseInsensitive_AndPagesByKeyset()
    {
        var client = await factory.SignInAsync("Dispatcher");
        var tag = Guid.NewGuid().ToString("N")[..6];
        string[] names = [$"Alpha {tag} Gas", $"beta {tag.ToUpperInvariant()} power", $"Gamma {tag} Water", $"Delta {tag} Electric", "Unrelated " + Guid.NewGuid().ToString("N")[..6]];
        foreach (var name in names)
        {
            await Make.CustomerAsync(client, name);
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"/api/v1/customers?search={tag.ToLowerInvariant()}&limit=2" + (cursor is null ? string.Empty : $"&cursor={cursor}");
            var page = await (await client.GetAsync(url)).ShouldBeAsync<Page<CustomerRow>>(HttpStatusCode.OK);
            page.Items.Count.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(page.Items.Select(c => c.Name));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        seen.ShouldBe(names[..4].OrderBy(n => n.ToUpperInvariant(), StringComparer.Ordinal).ToList());
        pages.ShouldBe(2);
    }

    [Fact]
    public async Task Update_WithCurrentETag_Succeeds_AndStaleETag_Is412_AndMissingIfMatch_Is428()
    {
        var client = await factory.SignInAsync("Dispatcher");
        var customer = await Make.CustomerAsync(client);
        var body = new { name = "Renamed Co", description = "new", contact = new ContactBody("New Contact", "new@example.com") };

        var updated = await (await client.PutJsonAsync($"/api/v1/customers/{customer.Id}", body, $"\"{customer.Version}\""))
            .ShouldBeAsync<Customer>(HttpStatusCode.OK);
        updated.Name.ShouldBe("Renamed Co");
        updated.Version.ShouldBe(customer.Version + 1);

        var stale = await client.PutJsonAsync($"/api/v1/customers/{customer.Id}", body with { }, $"\"{customer.Version}\"");
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var missing = await client.PutJsonAsync($"/api/v1/customers/{customer.Id}", body, ifMatch: null);
        await missing.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);

        var current = await (await client.GetAsync($"/api/v1/customers/{customer.Id}")).ShouldBeAsync<Customer>(HttpStatusCode.OK);
        current.Name.ShouldBe("Renamed Co");
        current.Contact.Email.ShouldBe("new@example.com");
    }

    [Fact]
    public async Task Deactivate_CascadesToSitesAndContracts_AndReportsWhatChanged()
    {
        var client = await factory.SignInAsync("Dispatcher");
        var customer = await Make.CustomerAsync(client);
        var site1 = await Make.SiteAsync(client, customer.Id, "Pump house");
        var site2 = await Make.SiteAsync(client, customer.Id, "Reservoir");
        var contract = await Make.ContractAsync(client, customer.Id);

        var preview = await (await client.PostJsonAsync($"/api/v1/customers/{customer.Id}/deactivate", new { reason = "Contract ended", dryRun = true }))
            .ShouldBeAsync<DeactivationResult>(HttpStatusCode.OK);
        preview.DryRun.ShouldBeTrue();
        preview.Changes.Single(c => c.Kind == "sites").Items.Select(i => i.Id).ShouldBe([site1.Id, site2.Id], ignoreOrder: true);
        preview.Changes.Single(c => c.Kind == "contracts").Count.ShouldBe(1);
        (await GetCustomerAsync(client, customer.Id)).Status.ShouldBe("Active");
        (await GetSitesAsync(client, customer.Id)).ShouldAllBe(s => s.Status == "Active");

        var result = await (await client.PostJsonAsync($"/api/v1/customers/{customer.Id}/deactivate", new { reason = "Contract ended" }))
            .ShouldBeAsync<DeactivationResult>(HttpStatusCode.OK);
        result.DryRun.ShouldBeFalse();
        result.Changes.Single(c => c.Kind == "sites").Count.ShouldBe(2);
        result.Changes.Single(c => c.Kind == "contracts").Count.ShouldBe(1);

        var after = await GetCustomerAsync(client, customer.Id);
        after.Status.ShouldBe("Deactivated");
        after.DeactivationReason.ShouldBe("Contract ended");
        (await GetSitesAsync(client, customer.Id)).ShouldAllBe(s => s.Status == "Deactivated" && s.DeactivationReason == "Contract ended");
        var contracts = await (await client.GetAsync($"/api/v1/customers/{customer.Id}/contracts")).ShouldBeAsync<Page<Contract>>(HttpStatusCode.OK);
        contracts.Items.Single(c => c.Id == contract.Id).Status.ShouldBe("Cancelled");

        // The whole change is audited, in the same transaction.
        var audited = await factory.WithDbAsync(db => Task.FromResult(db.AuditEntries
            .Where(a => a.EntityId == customer.Id || a.EntityId == site1.Id || a.EntityId == site2.Id || a.EntityId == contract.Id)
            .Count(a => a.Action == "Updated")));
        audited.ShouldBe(4);
    }

    [Fact]
    public async Task Deactivate_IsAtomic_WhenTheCascadeFails_NothingChanges()
    {
        var client = await factory.SignInAsync("Dispatcher");
        var customer = await Make.CustomerAsync(client);
        await Make.SiteAsync(client, customer.Id);
        await Make.ContractAsync(client, customer.Id);

        // A reason longer than the column allows passes nothing to the database: the validator refuses it first.
        var tooLong = await client.PostJsonAsync($"/api/v1/customers/{customer.Id}/deactivate", new { reason = new string('x', 501) });
        await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        // Deactivating twice: the second is a 409 and leaves the first result in place.
        (await client.PostJsonAsync($"/api/v1/customers/{customer.Id}/deactivate", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await client.PostJsonAsync($"/api/v1/customers/{customer.Id}/deactivate", new { });
        (await again.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString().ShouldBe("CustomerMustBeInStatus");
    }

    [Fact]
    public async Task Reactivate_RestoresTheCustomerOnly_SitesOneByOne_CancelledContractsStayCancelled()
    {
        var client = await factory.SignInAsync("Dispatcher");
        var customer = await Make.CustomerAsync(client);
        var site = await Make.SiteAsync(client, customer.Id);
        var contract = await Make.ContractAsync(client, customer.Id);
        (await client.PostJsonAsync($"/api/v1/customers/{customer.Id}/deactivate", new { })).EnsureSuccessStatusCode();

        // A deactivated customer gets no new sites.
        var refused = await client.PostJsonAsync($"/api/v1/customers/{customer.Id}/sites", new { name = "New site" });
        (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString().ShouldBe("CustomerMustBeActiveFor");

        var reactivated = await (await client.PostJsonAsync($"/api/v1/customers/{customer.Id}/reactivate", null)).ShouldBeAsync<Customer>(HttpStatusCode.OK);
        reactivated.Status.ShouldBe("Active");
        (await GetSitesAsync(client, customer.Id)).Single().Status.ShouldBe("Deactivated");
        var contracts = await (await client.GetAsync($"/api/v1/customers/{customer.Id}/contracts")).ShouldBeAsync<Page<Contract>>(HttpStatusCode.OK);
        contracts.Items.Single(c => c.Id == contract.Id).Status.ShouldBe("Cancelled");

        var siteBack = await (await client.PostJsonAsync($"/api/v1/sites/{site.Id}/reactivate", null)).ShouldBeAsync<Site>(HttpStatusCode.OK);
        siteBack.Status.ShouldBe("Active");
        await (await client.PostJsonAsync($"/api/v1/customers/{customer.Id}/reactivate", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task NewSite_TakesTheCustomersContact_WhenNoneIsGiven()
    {
        var client = await factory.SignInAsync("Dispatcher");
        var customer = await Make.CustomerAsync(client);
        var site = await Make.SiteAsync(client, customer.Id);
        site.Contact.ShouldBe(customer.Contact);

        var own = await (await client.PostJsonAsync($"/api/v1/customers/{customer.Id}/sites",
            new { name = "Depot", contact = new ContactBody("Site Boss", "boss@example.com") })).ShouldBeAsync<Site>(HttpStatusCode.Created);
        own.Contact.Email.ShouldBe("boss@example.com");
    }

    [Fact]
    public async Task Assets_AreCreatedAtASiteOfTheCustomer_AndListed()
    {
        var client = await factory.SignInAsync("Dispatcher");
        var customer = await Make.CustomerAsync(client);
        var other = await Make.CustomerAsync(client);
        var site = await Make.SiteAsync(client, customer.Id);
        var otherSite = await Make.SiteAsync(client, other.Id);

        var asset = await (await client.PostJsonAsync($"/api/v1/customers/{customer.Id}/assets",
            new { siteId = site.Id, name = "Meter", model = "M-200", serialNumber = "SN-1" })).ShouldBeAsync<Asset>(HttpStatusCode.Created);
        asset.SiteId.ShouldBe(site.Id);

        var wrongSite = await client.PostJsonAsync($"/api/v1/customers/{customer.Id}/assets", new { siteId = otherSite.Id, name = "Meter" });
        (await wrongSite.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("siteId", out _).ShouldBeTrue();

        var list = await (await client.GetAsync($"/api/v1/customers/{customer.Id}/assets")).ShouldBeAsync<Page<Asset>>(HttpStatusCode.OK);
        list.Items.Select(a => a.Id).ShouldBe([asset.Id]);
    }

    [Fact]
    public async Task Contracts_CanBeCancelledOnce()
    {
        var client = await factory.SignInAsync("Dispatcher");
        var customer = await Make.CustomerAsync(client);
        var contract = await Make.ContractAsync(client, customer.Id);
        var cancelled = await (await client.PostJsonAsync($"/api/v1/contracts/{contract.Id}/cancel", new { reason = "Customer request" }))
            .ShouldBeAsync<Contract>(HttpStatusCode.OK);
        cancelled.Status.ShouldBe("Cancelled");
        cancelled.CancellationReason.ShouldBe("Customer request");
        await (await client.PostJsonAsync($"/api/v1/contracts/{contract.Id}/cancel", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var badDates = await client.PostJsonAsync($"/api/v1/customers/{customer.Id}/contracts",
            new { number = "C-9", name = "Bad", startDate = "2026-05-01", endDate = "2026-01-01" });
        (await badDates.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("endDate", out _).ShouldBeTrue();
    }

    private static async Task<Customer> GetCustomerAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/customers/{id}")).ShouldBeAsync<Customer>(HttpStatusCode.OK);

    private static async Task<List<Site>> GetSitesAsync(HttpClient client, Guid customerId) =>
        (await (await client.GetAsync($"/api/v1/customers/{customerId}/sites")).ShouldBeAsync<Page<Site>>(HttpStatusCode.OK)).Items;
}

public sealed class CustomerLifecycleTestsOnSqlite(SqliteApiFactory factory) : CustomerLifecycleTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class CustomerLifecycleTestsOnPostgres(PostgresApiFactory factory) : CustomerLifecycleTests(factory), IClassFixture<PostgresApiFactory>;
