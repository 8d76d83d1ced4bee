using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkOrders.Api.IntegrationTests.WorkOrderTests;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Api.IntegrationTests.Billing;

// What a client sees of the time and billing answers (read back with the web JSON options: enums as strings).
public sealed record TimeEntryBody(
    Guid Id, Guid WorkOrderId, string UserId, string UserName, DateTime StartedAt, DateTime? EndedAt, decimal Hours, bool IsRunning,
    string Source, string? Note, string? RecordedBy, string RecordedByName, DateTime RecordedAt);

public sealed record TimeEntryResult(TimeEntryBody Entry, decimal WorkedHours);

public sealed record LedgerEntryBody(
    Guid Id, Guid CustomerId, long Sequence, string Kind, decimal Hours, decimal BalanceAfter, Guid? WorkOrderId, string? WorkOrderNumber,
    string? Note, string? Reference, DateTime CreatedAt, string? CreatedBy, string CreatedByName);

public sealed record CreditHourChange(LedgerEntryBody Entry, decimal Balance, bool BalanceNegative, string? Warning);

public sealed record LedgerBody(
    Guid CustomerId, string CustomerName, decimal Balance, bool BalanceNegative, string? Warning, decimal PurchasedHours, decimal UsedHours,
    List<LedgerEntryBody> Entries, string? NextCursor);

public sealed record BilledHoursBody
{
    public Guid WorkOrderId { get; init; }
    public string DisplayNumber { get; init; } = string.Empty;
    public Guid CustomerId { get; init; }
    public decimal RequestedHours { get; init; }
    public decimal BilledHours { get; init; }
    public decimal? PreviousBilledHours { get; init; }
    public bool MinimumApplied { get; init; }
    public decimal MinimumBilledHours { get; init; }
    public decimal DebitedHours { get; init; }
    public LedgerEntryBody? LedgerEntry { get; init; }
    public decimal CreditBalance { get; init; }
    public bool BalanceNegative { get; init; }
    public string? Warning { get; init; }
    public int Version { get; init; }
}

public sealed record ProgressBody
{
    public Guid WorkOrderId { get; init; }
    public string Status { get; init; } = string.Empty;
    public decimal EstimatedLabourHours { get; init; }
    public decimal PendingEstimatedLabourHours { get; init; }
    public decimal WorkedHours { get; init; }
    public decimal VarianceHours { get; init; }
    public decimal? PercentOfEstimate { get; init; }
    public int RunningTimers { get; init; }
    public decimal? BilledHours { get; init; }
    public bool BilledMinimumApplied { get; init; }
    public decimal MinimumBilledHours { get; init; }
    public long WaitingSeconds { get; init; }
    public bool IsWaiting { get; init; }
    public decimal CreditBalance { get; init; }
    public decimal ProjectedBilledHours { get; init; }
    public bool ProjectedMinimumApplied { get; init; }
    public decimal ProjectedBalance { get; init; }
    public bool WouldGoNegative { get; init; }
    public string? Warning { get; init; }
}

/// <summary>The work order's billing fields as GET /work-orders/{id} shows them.</summary>
public sealed record WorkOrderHours(Guid Id, string Status, decimal WorkedHours, decimal? BilledHours, bool BilledMinimumApplied, DateTime? BilledAt, int Version);

/// <summary>A clock the tests move: it stands still until told to advance, so hours come out exact.</summary>
public sealed class ManualClock : TimeProvider
{
    private readonly Lock _gate = new();
    // Whole seconds, as every provider stores them exactly (PostgreSQL keeps microseconds, not ticks).
    private DateTimeOffset _now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    public DateTime UtcNow
    {
        get
        {
            lock (_gate)
            {
                return _now.UtcDateTime;
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now = _now.Add(by);
        }
    }
}

/// <summary>The API on a fresh database with a <see cref="ManualClock"/> in place of the system clock.</summary>
public abstract class BillingApiFactory(TestProvider provider) : ApiFactory(provider)
{
    public ManualClock Clock { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
    }
}

public sealed class SqliteBillingFactory() : BillingApiFactory(TestProvider.Sqlite);

public sealed class PostgresBillingFactory() : BillingApiFactory(TestProvider.Postgres);

/// <summary>A technician user who is an internal provider, office staff, a customer with a site, and helpers.</summary>
public sealed record BillingScenario(BillingApiFactory Factory, StaffUser Technician, ProviderRow Provider, HttpClient Dispatcher, HttpClient Receivable, Customer Customer, Site Site)
{
    public static async Task<BillingScenario> CreateAsync(BillingApiFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var admin = await factory.SessionAsync("Admin");
        var technician = await Wo.TechnicianAsync(factory);
        var provider = await Wo.ProviderAsync(admin, "InternalTechnician", technician.Id, Unique.Name("Tess"));
        var dispatcher = await factory.SessionAsync("Dispatcher");
        var receivable = await factory.SessionAsync("AccountsReceivable");
        var (customer, site) = await Wo.CustomerWithSiteAsync(dispatcher);
        return new BillingScenario(factory, technician, provider, dispatcher, receivable, customer, site);
    }

    /// <summary>A new work order of the customer, moved to <paramref name="status"/> (assigned to the technician's provider on the way).</summary>
    public async Task<WoDetail> WorkOrderAsync(string status = "InProgress")
    {
        var created = await Wo.CreateAsync(Dispatcher, Customer.Id, Site.Id);
        return await Wo.MoveToAsync(Dispatcher, created, status, Provider.Id);
    }

    public DateTime Now => Factory.Clock.UtcNow;
}

/// <summary>The time and billing requests.</summary>
public static class BillingApi
{
    public static string Iso(DateTime value) => Wo.Iso(value);

    public static Task<HttpResponseMessage> StartAsync(HttpClient client, Guid workOrderId)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.PostAsync(new Uri($"/api/v1/work-orders/{workOrderId}/timer/start", UriKind.Relative), content: null);
    }

    public static Task<HttpResponseMessage> StopAsync(HttpClient client, Guid workOrderId)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.PostAsync(new Uri($"/api/v1/work-orders/{workOrderId}/timer/stop", UriKind.Relative), content: null);
    }

    public static Task<HttpResponseMessage> AddEntryAsync(HttpClient client, Guid workOrderId, DateTime startedAt, DateTime endedAt, string? note = null, string? userId = null) =>
        client.PostJsonAsync($"/api/v1/work-orders/{workOrderId}/time-entries", new { startedAt = Iso(startedAt), endedAt = Iso(endedAt), note, userId });

    public static async Task<List<TimeEntryBody>> EntriesAsync(HttpClient client, Guid workOrderId)
    {
        ArgumentNullException.ThrowIfNull(client);
        return await (await client.GetAsync($"/api/v1/work-orders/{workOrderId}/time-entries")).ShouldBeAsync<List<TimeEntryBody>>(HttpStatusCode.OK);
    }

    public static Task<HttpResponseMessage> BillAsync(HttpClient client, Guid workOrderId, decimal hours, string? note = null, string? ifMatch = null) =>
        client.SendJsonAsync(HttpMethod.Put, $"/api/v1/work-orders/{workOrderId}/billed-hours", new { hours, note }, ifMatch);

    public static async Task<BilledHoursBody> BilledAsync(HttpClient client, Guid workOrderId, decimal hours, string? note = null) =>
        await (await BillAsync(client, workOrderId, hours, note)).ShouldBeAsync<BilledHoursBody>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> PurchaseAsync(HttpClient client, Guid customerId, decimal hours, string? reference = null, string? note = null, string? idempotencyKey = null) =>
        Wo.PostAsync(client, $"/api/v1/customers/{customerId}/credit-hours", new { hours, note, reference }, idempotencyKey);

    public static async Task<CreditHourChange> PurchasedAsync(HttpClient client, Guid customerId, decimal hours, string? reference = null) =>
        await (await PurchaseAsync(client, customerId, hours, reference)).ShouldBeAsync<CreditHourChange>(HttpStatusCode.Created);

    public static async Task<LedgerBody> LedgerAsync(HttpClient client, Guid customerId, string query = "")
    {
        ArgumentNullException.ThrowIfNull(client);
        return await (await client.GetAsync($"/api/v1/customers/{customerId}/credit-hours{query}")).ShouldBeAsync<LedgerBody>(HttpStatusCode.OK);
    }

    public static async Task<ProgressBody> ProgressAsync(HttpClient client, Guid workOrderId, decimal? billedHours = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var query = billedHours is { } h ? "?billedHours=" + h.ToString(CultureInfo.InvariantCulture) : string.Empty;
        return await (await client.GetAsync($"/api/v1/work-orders/{workOrderId}/progress{query}")).ShouldBeAsync<ProgressBody>(HttpStatusCode.OK);
    }

    public static async Task<WorkOrderHours> HoursAsync(HttpClient client, Guid workOrderId)
    {
        ArgumentNullException.ThrowIfNull(client);
        return await (await client.GetAsync($"/api/v1/work-orders/{workOrderId}")).ShouldBeAsync<WorkOrderHours>(HttpStatusCode.OK);
    }

    /// <summary>The customer's decision on a line item. The portal (a later issue) is where customers decide;
    /// until then the test sets it in the database.</summary>
    public static Task DecideAsync(ApiFactory factory, Guid lineItemId, ApprovalStatus decision)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.WithDbAsync(db => db.LineItems.Where(i => i.Id == lineItemId).ExecuteUpdateAsync(s => s.SetProperty(i => i.ApprovalStatus, decision)));
    }
}
