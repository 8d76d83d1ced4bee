using System.Globalization;
using System.Net.Http.Json;

namespace WorkOrders.Api.IntegrationTests.WorkOrderTests;

// What a client sees of the work-order answers, read back with the web JSON options (enums as strings).
public sealed record WoHistory(string? From, string To, string Action, string? ChangedBy, string ChangedByName, DateTime ChangedAt, string? Reason);

public sealed record WoLineItem(Guid Id, string Description, decimal EstimatedLabourHours, decimal PartsCost, decimal HourlyRate, decimal Total,
    string ApprovalStatus, DateTime? DecidedAt, int Revision);

public sealed record WoComment(Guid Id, string? AuthorId, string AuthorName, string Text, bool ByCustomer, DateTime CreatedAt);

public sealed record WoTask(Guid Id, string Title, string Status);

public sealed record WoDetail
{
    public Guid Id { get; init; }
    public long Number { get; init; }
    public string DisplayNumber { get; init; } = string.Empty;
    public Guid CustomerId { get; init; }
    public string CustomerName { get; init; } = string.Empty;
    public Guid SiteId { get; init; }
    public string SiteName { get; init; } = string.Empty;
    public Guid? ContractId { get; init; }
    public List<Guid> EquipmentIds { get; init; } = [];
    public string Title { get; init; } = string.Empty;
    public string ServiceRequested { get; init; } = string.Empty;
    public string Category { get; init; } = string.Empty;
    public DateTime? ScheduledStart { get; init; }
    public DateTime? ScheduledEnd { get; init; }
    public string Source { get; init; } = string.Empty;
    public string? RequesterName { get; init; }
    public string? RequesterEmail { get; init; }
    public string Status { get; init; } = string.Empty;
    public DateTime StatusChangedAt { get; init; }
    public List<string> AllowedActions { get; init; } = [];
    public DateTime? CompletedAt { get; init; }
    public string? CompletionNotes { get; init; }
    public DateTime? CancelledAt { get; init; }
    public string? CancellationReason { get; init; }
    public string Routing { get; init; } = string.Empty;
    public Guid? ProviderId { get; init; }
    public string? ProviderName { get; init; }
    public Guid? TeamId { get; init; }
    public string? TeamName { get; init; }
    public string InvoiceStatus { get; init; } = string.Empty;
    public DateTime? PaymentApprovedAt { get; init; }
    public long WaitingSeconds { get; init; }
    public DateTime? WaitingSince { get; init; }
    public DateTime CreatedAt { get; init; }
    public string? CreatedBy { get; init; }
    public int Version { get; init; }
    public List<WoLineItem> LineItems { get; init; } = [];
    public List<WoComment> Comments { get; init; } = [];
    public List<WoHistory> History { get; init; } = [];
    public List<WoTask> Tasks { get; init; } = [];
}

public sealed record WoRow
{
    public Guid Id { get; init; }
    public long Number { get; init; }
    public string DisplayNumber { get; init; } = string.Empty;
    public string Title { get; init; } = string.Empty;
    public Guid CustomerId { get; init; }
    public string CustomerName { get; init; } = string.Empty;
    public Guid SiteId { get; init; }
    public string Status { get; init; } = string.Empty;
    public string Source { get; init; } = string.Empty;
    public string Category { get; init; } = string.Empty;
    public string Routing { get; init; } = string.Empty;
    public Guid? ProviderId { get; init; }
    public Guid? TeamId { get; init; }
    public string InvoiceStatus { get; init; } = string.Empty;
    public bool PaymentApproved { get; init; }
    public DateTime? ScheduledStart { get; init; }
    public DateTime CreatedAt { get; init; }
}

public sealed record ProviderRow(Guid Id, string Name, string Email, string Kind, bool IsActive, bool IsThirdParty, string? UserId, int Version);

public sealed record TeamRow(Guid Id, string Name, bool IsActive, List<Guid> MemberIds);

public sealed record WoCounts(int Draft, int Published, int Assigned, int InProgress, int Completed);

public sealed record CustomerCountsRow(Guid Id, string Name, string Status, WoCounts WorkOrderCounts);

/// <summary>A staff user made for one test, with its id and a signed-in client.</summary>
public sealed record StaffUser(string Id, string Email, HttpClient Client);

/// <summary>Work-order requests and builders shared by the work-order tests.</summary>
public static class Wo
{
    private static readonly string[] TechnicianRole = ["Technician"];

    public static string Iso(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static async Task<(Customer Customer, Site Site)> CustomerWithSiteAsync(HttpClient client, string? name = null)
    {
        var customer = await Make.CustomerAsync(client, name);
        var site = await Make.SiteAsync(client, customer.Id);
        return (customer, site);
    }

    public static object Body(Guid customerId, Guid siteId, string? title = null, string? source = null, string category = "Service",
        DateTime? scheduledStart = null, object? requester = null, Guid? contractId = null, string serviceRequested = "Fix the leak") => new
        {
            customerId,
            siteId,
            contractId,
            title = title ?? Unique.Name("Job"),
            serviceRequested,
            instructions = "Ring the bell",
            category,
            scheduledStart = scheduledStart is { } s ? Iso(s) : null,
            scheduledEnd = scheduledStart is { } e ? Iso(e.AddHours(2)) : null,
            source,
            requester,
        };

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, body.GetType(), options: HttpAssertions.Json) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    public static async Task<WoDetail> CreateAsync(HttpClient client, Guid customerId, Guid siteId, string? title = null, string? source = null,
        string category = "Service", DateTime? scheduledStart = null, object? requester = null, string serviceRequested = "Fix the leak")
    {
        var response = await PostAsync(client, "/api/v1/work-orders",
            Body(customerId, siteId, title, source, category, scheduledStart, requester, serviceRequested: serviceRequested));
        return await response.ShouldBeAsync<WoDetail>(HttpStatusCode.Created);
    }

    public static async Task<WoDetail> GetAsync(HttpClient client, Guid id)
    {
        ArgumentNullException.ThrowIfNull(client);
        return await (await client.GetAsync($"/api/v1/work-orders/{id}")).ShouldBeAsync<WoDetail>(HttpStatusCode.OK);
    }

    public static Task<HttpResponseMessage> PostTransitionAsync(HttpClient client, Guid id, object body, string? ifMatch = null) =>
        client.SendJsonAsync(HttpMethod.Post, $"/api/v1/work-orders/{id}/transitions", body, ifMatch);

    public static async Task<WoDetail> TransitionAsync(HttpClient client, Guid id, string action, string? reason = null,
        Guid? providerId = null, Guid? teamId = null, bool toWorkMarket = false)
    {
        var body = new { action, reason, providerId, teamId, toWorkMarket };
        return await (await PostTransitionAsync(client, id, body)).ShouldBeAsync<WoDetail>(HttpStatusCode.OK);
    }

    /// <summary>Drives a Draft or Published work order along the ordinary path to <paramref name="target"/>
    /// (assigning it to <paramref name="providerId"/> when the path passes Assigned).</summary>
    public static async Task<WoDetail> MoveToAsync(HttpClient client, WoDetail workOrder, string target, Guid providerId)
    {
        ArgumentNullException.ThrowIfNull(workOrder);
        string[] path = target switch
        {
            "Draft" => [],
            "Published" => ["Publish"],
            "Assigned" => ["Publish", "Assign"],
            "InProgress" => ["Publish", "Assign", "Start"],
            "WaitingParts" => ["Publish", "Assign", "Start", "WaitForParts"],
            "WaitingOnVendor" => ["Publish", "Assign", "Start", "WaitForVendor"],
            "WaitingOnCustomer" => ["Publish", "Assign", "Start", "WaitForCustomer"],
            "Completed" => ["Publish", "Assign", "Start", "Complete"],
            "Cancelled" => ["Cancel"],
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
        };
        var current = workOrder;
        foreach (var action in path)
        {
            if (action == "Publish" && current.Status != "Draft")
            {
                continue;
            }

            current = action == "Assign"
                ? await TransitionAsync(client, current.Id, action, providerId: providerId)
                : await TransitionAsync(client, current.Id, action, reason: action == "Cancel" ? "Not needed" : null);
        }

        current.Status.ShouldBe(target);
        return current;
    }

    public static async Task<Page<WoRow>> ListAsync(HttpClient client, string query)
    {
        ArgumentNullException.ThrowIfNull(client);
        return await (await client.GetAsync("/api/v1/work-orders?" + query)).ShouldBeAsync<Page<WoRow>>(HttpStatusCode.OK);
    }

    /// <summary>The ids of every row of every page (from <paramref name="cursor"/> on, when given), in order.</summary>
    public static async Task<List<Guid>> ListIdsAsync(HttpClient client, string query, string? cursor = null)
    {
        var ids = new List<Guid>();
        var pages = 0;
        do
        {
            var page = await ListAsync(client, query + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            ids.AddRange(page.Items.Select(i => i.Id));
            cursor = page.NextCursor;
            (++pages).ShouldBeLessThan(100, "paging must end");
        }
        while (cursor is not null);

        return ids;
    }

    public static async Task<ProviderRow> ProviderAsync(HttpClient admin, string kind = "PartnerCompany", string? userId = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var response = await admin.PostJsonAsync("/api/v1/service-providers",
            new { name = name ?? Unique.Name("Provider"), email = Unique.Email("provider"), phone = "+1 555 0199", kind, userId });
        return await response.ShouldBeAsync<ProviderRow>(HttpStatusCode.Created);
    }

    public static async Task<TeamRow> TeamAsync(HttpClient admin, params Guid[] memberIds)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var response = await admin.PostJsonAsync("/api/v1/service-provider-teams", new { name = Unique.Name("Team"), memberIds });
        return await response.ShouldBeAsync<TeamRow>(HttpStatusCode.Created);
    }

    /// <summary>A new user with exactly the Technician role (created by Admin), signed in.</summary>
    public static async Task<StaffUser> TechnicianAsync(ApiFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var admin = await factory.SessionAsync("Admin");
        var email = Unique.Email("tech");
        var response = await admin.PostJsonAsync("/api/v1/users",
            new { email, displayName = "Tess Technician", password = ApiFactory.Password, roles = TechnicianRole });
        var user = await response.ShouldBeAsync<UserRow>(HttpStatusCode.Created);
        return new StaffUser(user.Id, email, await factory.SignInAsync(email, ApiFactory.Password));
    }

    /// <summary>The id of the signed-in caller.</summary>
    public static async Task<string> MyIdAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return (await (await client.GetAsync("/api/v1/auth/me")).ShouldBeAsync<SignedInUser>(HttpStatusCode.OK)).Id;
    }
}
