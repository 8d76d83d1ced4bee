using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace WorkOrders.Api.IntegrationTests.Security;

/// <summary>Partner API keys: object-level authorization (a key sees only the customers it is scoped to),
/// revocation, and the secret shown once and stored only as its hash.</summary>
public abstract class PartnerApiKeyTests(ApiFactory factory)
{
    private static readonly string[] SubLists = ["sites", "contracts", "assets"];

    [Fact]
    public async Task ScopedKey_ReadsItsCustomer_AndItsSites_Contracts_Assets()
    {
        var (a, _) = await TwoCustomersWithEverythingAsync();
        var partner = (await factory.CreatePartnerKeyAsync(a.Customer.Id)).Client;

        var customer = await (await partner.GetAsync($"/api/v1/customers/{a.Customer.Id}")).ShouldBeAsync<Customer>(HttpStatusCode.OK);
        customer.Name.ShouldBe(a.Customer.Name);

        var sites = await (await partner.GetAsync($"/api/v1/customers/{a.Customer.Id}/sites")).ShouldBeAsync<Page<Site>>(HttpStatusCode.OK);
        sites.Items.Select(s => s.Id).ShouldBe([a.Site.Id]);
        var contracts = await (await partner.GetAsync($"/api/v1/customers/{a.Customer.Id}/contracts")).ShouldBeAsync<Page<Contract>>(HttpStatusCode.OK);
        contracts.Items.Select(c => c.Id).ShouldBe([a.Contract.Id]);
        var assets = await (await partner.GetAsync($"/api/v1/customers/{a.Customer.Id}/assets")).ShouldBeAsync<Page<Asset>>(HttpStatusCode.OK);
        assets.Items.Select(x => x.Id).ShouldBe([a.Asset.Id]);
    }

    [Fact]
    public async Task ScopedKey_ListsOnlyItsCustomers_WhateverTheFiltersAndPages()
    {
        var (a, b) = await TwoCustomersWithEverythingAsync();
        var partner = (await factory.CreatePartnerKeyAsync(a.Customer.Id)).Client;

        (await AllCustomerIdsAsync(partner, string.Empty)).ShouldBe([a.Customer.Id]);
        (await AllCustomerIdsAsync(partner, "limit=1")).ShouldBe([a.Customer.Id]);
        (await AllCustomerIdsAsync(partner, "status=Active")).ShouldBe([a.Customer.Id]);
        (await AllCustomerIdsAsync(partner, "search=" + Uri.EscapeDataString(b.Customer.Name))).ShouldBeEmpty();
        (await AllCustomerIdsAsync(partner, "search=Customer")).ShouldBe([a.Customer.Id]);
    }

    [Fact]
    public async Task KeyScopedToTwoCustomers_SeesBoth_AndNoOther()
    {
        var (a, b) = await TwoCustomersWithEverythingAsync();
        var admin = await factory.SessionAsync("Admin");
        var c = await Make.CustomerAsync(admin);
        var partner = (await factory.CreatePartnerKeyAsync(a.Customer.Id, c.Id)).Client;

        (await AllCustomerIdsAsync(partner, string.Empty)).ShouldBe([a.Customer.Id, c.Id], ignoreOrder: true);
        (await partner.GetAsync($"/api/v1/customers/{c.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await partner.GetAsync($"/api/v1/customers/{b.Customer.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ScopedKey_Gets404_ForAnotherCustomer_AndItsSubLists_LikeForACustomerThatDoesNotExist()
    {
        var (a, b) = await TwoCustomersWithEverythingAsync();
        var partner = (await factory.CreatePartnerKeyAsync(a.Customer.Id)).Client;
        var nobody = Guid.NewGuid();

        foreach (var suffix in SubLists.Select(s => "/" + s).Prepend(string.Empty))
        {
            var other = await partner.GetAsync($"/api/v1/customers/{b.Customer.Id}{suffix}");
            var otherBody = await other.Content.ReadAsStringAsync();
            var otherProblem = await other.ShouldBeProblemAsync(HttpStatusCode.NotFound);
            otherBody.ShouldNotContain(b.Customer.Name, Case.Insensitive);

            // Not an existence oracle: the same answer as for an id that exists nowhere.
            var missing = await partner.GetAsync($"/api/v1/customers/{nobody}{suffix}");
            var missingProblem = await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound);
            otherProblem.GetProperty("title").GetString().ShouldBe(missingProblem.GetProperty("title").GetString());
            otherProblem.GetProperty("detail").GetString()!.Replace(b.Customer.Id.ToString(), "{id}", StringComparison.Ordinal)
                .ShouldBe(missingProblem.GetProperty("detail").GetString()!.Replace(nobody.ToString(), "{id}", StringComparison.Ordinal));
        }

        // A filter on another customer's site does not open the door either.
        await (await partner.GetAsync($"/api/v1/customers/{b.Customer.Id}/assets?siteId={b.Site.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var ownWithOthersSite = await (await partner.GetAsync($"/api/v1/customers/{a.Customer.Id}/assets?siteId={b.Site.Id}"))
            .ShouldBeAsync<Page<Asset>>(HttpStatusCode.OK);
        ownWithOthersSite.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Partner_CannotCreateOrChange_Customers_Sites_Contracts_Assets()
    {
        var (a, _) = await TwoCustomersWithEverythingAsync();
        var partner = (await factory.CreatePartnerKeyAsync(a.Customer.Id)).Client;
        var before = await factory.FingerprintAsync();

        await (await partner.PostJsonAsync("/api/v1/customers", Make.Customer())).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await partner.PostJsonAsync($"/api/v1/customers/{a.Customer.Id}/sites", new { name = "Partner site" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await partner.PostJsonAsync($"/api/v1/customers/{a.Customer.Id}/contracts", new { number = "P-1", name = "Partner", startDate = "2026-01-01" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await partner.PostJsonAsync($"/api/v1/customers/{a.Customer.Id}/assets", new { siteId = a.Site.Id, name = "Partner meter" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await partner.PutJsonAsync($"/api/v1/customers/{a.Customer.Id}", new { name = "Hijacked", contact = new ContactBody("X", "x@example.com") }, $"\"{a.Customer.Version}\""))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await partner.PostJsonAsync($"/api/v1/customers/{a.Customer.Id}/deactivate", new { })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await partner.PostJsonAsync($"/api/v1/sites/{a.Site.Id}/deactivate", new { })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await partner.PostJsonAsync($"/api/v1/contracts/{a.Contract.Id}/cancel", new { })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // Nor mint itself a wider key.
        await (await partner.PostJsonAsync("/api/v1/api-keys", new { name = "Wider", customerIds = new[] { a.Customer.Id } })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await partner.GetAsync("/api/v1/api-keys")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        (await factory.FingerprintAsync()).ShouldBe(before);
    }

    /// <summary>PRODUCT.md: a partner creates and reads work orders for the customers its key is scoped to.</summary>
    [Fact]
    public async Task ScopedKey_CreatesAndReadsWorkOrders_OfItsCustomersOnly()
    {
        var (a, b) = await TwoCustomersWithEverythingAsync();
        var admin = await factory.SessionAsync("Admin");
        var othersWorkOrder = await (await admin.PostJsonAsync("/api/v1/work-orders", WorkOrderBody(b.Customer.Id, b.Site.Id)))
            .ShouldBeAsync<WorkOrderRow>(HttpStatusCode.Created);
        var partner = (await factory.CreatePartnerKeyAsync(a.Customer.Id)).Client;

        var created = await (await partner.PostJsonAsync("/api/v1/work-orders", WorkOrderBody(a.Customer.Id, a.Site.Id)))
            .ShouldBeAsync<WorkOrderRow>(HttpStatusCode.Created);
        created.CustomerId.ShouldBe(a.Customer.Id);
        created.Source.ShouldBe("Partner");
        created.Status.ShouldBe("Published");
        (await partner.GetAsync($"/api/v1/work-orders/{created.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var listed = await AllWorkOrdersAsync(partner, string.Empty);
        listed.ShouldContain(w => w.Id == created.Id);
        listed.ShouldAllBe(w => w.CustomerId == a.Customer.Id);
        (await AllWorkOrdersAsync(partner, $"customerId={b.Customer.Id}")).ShouldBeEmpty();
        (await AllWorkOrdersAsync(partner, "q=" + Uri.EscapeDataString(othersWorkOrder.DisplayNumber))).ShouldBeEmpty();

        foreach (var suffix in new[] { string.Empty, "/line-items", "/comments" })
        {
            var response = await partner.GetAsync($"/api/v1/work-orders/{othersWorkOrder.Id}{suffix}");
            (await response.ShouldBeProblemAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString()!.ShouldNotContain(b.Customer.Name);
        }

        var before = await factory.FingerprintAsync();
        await (await partner.PostJsonAsync("/api/v1/work-orders", WorkOrderBody(b.Customer.Id, b.Site.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await partner.PostJsonAsync("/api/v1/events", new { kind = "MoveOut", customerId = b.Customer.Id, siteId = b.Site.Id }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var othersSite = await (await partner.PostJsonAsync("/api/v1/work-orders", WorkOrderBody(a.Customer.Id, b.Site.Id))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        othersSite.GetProperty("errors").TryGetProperty("siteId", out _).ShouldBeTrue();
        await (await partner.PostJsonAsync($"/api/v1/work-orders/{othersWorkOrder.Id}/transitions", new { action = "Cancel" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await partner.PostJsonAsync($"/api/v1/work-orders/{created.Id}/comments", new { text = "Partner comment" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await partner.DeleteAsync($"/api/v1/work-orders/{created.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await factory.FingerprintAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task RevokedKey_Is401_AtOnce_AndRevokingTwiceIs409()
    {
        var admin = await factory.SessionAsync("Admin");
        var customer = await Make.CustomerAsync(admin);
        var key = await factory.CreatePartnerKeyAsync(customer.Id);
        (await key.Client.GetAsync($"/api/v1/customers/{customer.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.DeleteAsync($"/api/v1/api-keys/{key.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await key.Client.GetAsync($"/api/v1/customers/{customer.Id}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await key.Client.GetAsync("/api/v1/customers")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var listed = await (await admin.GetAsync("/api/v1/api-keys")).ShouldBeAsync<List<ApiKeyRow>>(HttpStatusCode.OK);
        listed.Single(k => k.Id == key.Id).RevokedAt.ShouldNotBeNull();
        await (await admin.DeleteAsync($"/api/v1/api-keys/{key.Id}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await admin.DeleteAsync($"/api/v1/api-keys/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("wo_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("' OR 1=1 --")]
    [InlineData("TOO-LONG")]
    [InlineData("REAL-KEY-WITH-EXTRA")]
    [InlineData("REAL-KEY-UPPERCASED")]
    [InlineData("REAL-KEY-TRUNCATED")]
    public async Task WrongKey_Is401_ProblemDetails(string presented)
    {
        var admin = await factory.SessionAsync("Admin");
        var customer = await Make.CustomerAsync(admin);
        var real = await factory.CreatePartnerKeyAsync(customer.Id);
        var value = presented switch
        {
            "TOO-LONG" => "wo_" + new string('A', 5000),
            "REAL-KEY-WITH-EXTRA" => real.Key + "x",
            "REAL-KEY-UPPERCASED" => real.Key.ToUpperInvariant(),
            "REAL-KEY-TRUNCATED" => real.Key[..^1],
            _ => presented,
        };
        var client = factory.Anonymous();
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", value);

        await (await client.GetAsync($"/api/v1/customers/{customer.Id}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.GetAsync("/api/v1/customers")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task WrongKey_NextToAValidSessionCookie_Is401_TheKeyIsJudged()
    {
        var client = await factory.SignInAsync("Dispatcher");
        (await client.GetAsync("/api/v1/customers")).StatusCode.ShouldBe(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Add("X-Api-Key", "garbage");

        await (await client.GetAsync("/api/v1/customers")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Key_IsShownOnce_ListedWithoutTheSecret_AndStoredOnlyAsItsSha256()
    {
        var admin = await factory.SessionAsync("Admin");
        var customer = await Make.CustomerAsync(admin);
        var response = await admin.PostJsonAsync("/api/v1/api-keys", new { name = Unique.Name("Shown once"), customerIds = new[] { customer.Id } });
        var created = await response.ShouldBeAsync<CreatedApiKey>(HttpStatusCode.Created);
        var key = created.Key;
        key.Length.ShouldBeGreaterThanOrEqualTo(43, "256 bits of randomness, base64url");
        var secretPart = key[created.ApiKey.Prefix.Length..];

        // The list: the key's recognisable prefix, never the key, in no field.
        var listBody = await (await admin.GetAsync("/api/v1/api-keys")).Content.ReadAsStringAsync();
        listBody.ShouldNotContain(key);
        listBody.ShouldNotContain(secretPart);
        var row = JsonDocument.Parse(listBody).RootElement.EnumerateArray().Single(k => k.GetProperty("id").GetGuid() == created.ApiKey.Id);
        row.TryGetProperty("key", out _).ShouldBeFalse("no field holds the secret");
        foreach (var property in row.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
        {
            property.Value.GetString().ShouldNotBe(key, $"field {property.Name}");
        }

        row.GetProperty("prefix").GetString().ShouldBe(created.ApiKey.Prefix);
        key.ShouldStartWith(created.ApiKey.Prefix);
        created.ApiKey.Prefix.Length.ShouldBeLessThanOrEqualTo(10);

        // The database: the SHA-256 (hex) of the key, never the key itself — not in the row, not in the audit trail.
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var stored = await factory.WithDbAsync(db => db.ApiKeys.AsNoTracking().Where(k => k.Id == created.ApiKey.Id)
            .Select(k => new { k.KeyHash, k.Name, k.Prefix }).SingleAsync());
        stored.KeyHash.ShouldBe(sha256, StringCompareShould.IgnoreCase);
        (await factory.WithDbAsync(db => db.ApiKeys.AnyAsync(k => k.KeyHash == key))).ShouldBeFalse();
        stored.Name.ShouldNotContain(secretPart);
        stored.Prefix.ShouldNotContain(secretPart);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityId == created.ApiKey.Id).ToListAsync());
        JsonSerializer.Serialize(audit).ShouldNotContain(secretPart);
    }

    private static async Task<List<Guid>> AllCustomerIdsAsync(HttpClient client, string query)
    {
        var ids = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = "/api/v1/customers?" + query + (cursor is null ? string.Empty : $"&cursor={cursor}");
            var page = await (await client.GetAsync(url)).ShouldBeAsync<Page<CustomerRow>>(HttpStatusCode.OK);
            ids.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null && ++pages < 100);

        return ids;
    }

    private static object WorkOrderBody(Guid customerId, Guid siteId) =>
        new { customerId, siteId, title = Unique.Name("Partner work"), serviceRequested = "Meter reads zero", category = "MeterInvestigation" };

    private static async Task<List<WorkOrderRow>> AllWorkOrdersAsync(HttpClient client, string query)
    {
        var rows = new List<WorkOrderRow>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = "/api/v1/work-orders?" + query + (cursor is null ? string.Empty : $"&cursor={cursor}");
            var page = await (await client.GetAsync(url)).ShouldBeAsync<Page<WorkOrderRow>>(HttpStatusCode.OK);
            rows.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null && ++pages < 100);

        return rows;
    }

    private async Task<(Everything A, Everything B)> TwoCustomersWithEverythingAsync()
    {
        var admin = await factory.SessionAsync("Admin");
        return (await EverythingAsync(admin), await EverythingAsync(admin));

        static async Task<Everything> EverythingAsync(HttpClient admin)
        {
            var customer = await Make.CustomerAsync(admin);
            var site = await Make.SiteAsync(admin, customer.Id);
            var contract = await Make.ContractAsync(admin, customer.Id);
            var asset = await (await admin.PostJsonAsync($"/api/v1/customers/{customer.Id}/assets", new { siteId = site.Id, name = "Meter" }))
                .ShouldBeAsync<Asset>(HttpStatusCode.Created);
            return new Everything(customer, site, contract, asset);
        }
    }

    private sealed record Everything(Customer Customer, Site Site, Contract Contract, Asset Asset);

    private sealed record WorkOrderRow(Guid Id, string DisplayNumber, Guid CustomerId, string Status, string Source);
}

public sealed class PartnerApiKeyTestsOnSqlite(SqliteApiFactory factory) : PartnerApiKeyTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class PartnerApiKeyTestsOnPostgres(PostgresApiFactory factory) : PartnerApiKeyTests(factory), IClassFixture<PostgresApiFactory>;
