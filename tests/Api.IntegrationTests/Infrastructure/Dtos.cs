namespace WorkOrders.Api.IntegrationTests.Infrastructure;

// What a client sees of the API's answers: read back with the web JSON options.
public sealed record Page<T>(List<T> Items, string? NextCursor);

public sealed record ContactBody(string Name, string Email, string? Phone = null);

public sealed record AddressBody(string? Street, string? City, string? Region, string? PostalCode, string? Country);

public sealed record Customer(Guid Id, string Name, string? Description, AddressBody BillingAddress, ContactBody Contact, string Status,
    DateTime? DeactivatedAt, string? DeactivationReason, int Version);

public sealed record CustomerRow(Guid Id, string Name, string Status, string ContactName, string ContactEmail, string? City);

public sealed record Site(Guid Id, Guid CustomerId, string Name, AddressBody Address, ContactBody Contact, string Status, string? DeactivationReason);

public sealed record Contract(Guid Id, Guid CustomerId, string Number, string Name, DateOnly StartDate, DateOnly? EndDate, string Status, string? CancellationReason);

public sealed record Asset(Guid Id, Guid CustomerId, Guid SiteId, string Name, string? Model, string? SerialNumber);

public sealed record ImpactedItem(Guid Id, string Name);

public sealed record Impact(string Kind, string Change, int Count, List<ImpactedItem> Items);

public sealed record DeactivationResult(Guid CustomerId, bool DryRun, string Reason, List<Impact> Changes);

/// <summary>Request bodies and small data builders shared by the tests.</summary>
public static class Make
{
    public static object Customer(string? name = null, string email = "contact@example.com") => new
    {
        name = name ?? "Customer " + Guid.NewGuid().ToString("N")[..8],
        description = "Water utility",
        billingAddress = new AddressBody("1 Main St", "Springfield", "IL", "62701", "US"),
        contact = new ContactBody("Pat Primary", email, "+1 555 0100"),
    };

    public static async Task<Customer> CustomerAsync(HttpClient client, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.PostJsonAsync("/api/v1/customers", Customer(name));
        return await response.ShouldBeAsync<Customer>(HttpStatusCode.Created);
    }

    public static async Task<Site> SiteAsync(HttpClient client, Guid customerId, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.PostJsonAsync($"/api/v1/customers/{customerId}/sites", new { name = name ?? "Site " + Guid.NewGuid().ToString("N")[..6] });
        return await response.ShouldBeAsync<Site>(HttpStatusCode.Created);
    }

    public static async Task<Contract> ContractAsync(HttpClient client, Guid customerId)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.PostJsonAsync($"/api/v1/customers/{customerId}/contracts",
            new { number = "C-" + Guid.NewGuid().ToString("N")[..6], name = "Maintenance", startDate = "2026-01-01", endDate = "2027-12-31" });
        return await response.ShouldBeAsync<Contract>(HttpStatusCode.Created);
    }
}
