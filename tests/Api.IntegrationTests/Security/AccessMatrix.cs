namespace WorkOrders.Api.IntegrationTests.Security;

/// <summary>Who calls: nobody, a staff user with exactly one role, or a partner system (API key scoped to
/// the sample customer).</summary>
public static class Principal
{
    public const string Anonymous = "Anonymous";
    public const string Admin = "Admin";
    public const string Dispatcher = "Dispatcher";
    public const string ProjectManager = "ProjectManager";
    public const string AccountsReceivable = "AccountsReceivable";
    public const string TeamManager = "TeamManager";
    public const string Technician = "Technician";
    public const string Ops = "Ops";
    public const string Partner = "Partner";

    /// <summary>Not a principal of the cookie/role matrix: the customer portal's operations are authenticated by the
    /// token in their path (<c>/portal/{token}/...</c>), anonymous otherwise; Portal/PortalAccessTests covers them.</summary>
    public const string PortalToken = "PortalToken";

    public static readonly IReadOnlyList<string> Staff = [Admin, Dispatcher, ProjectManager, AccountsReceivable, TeamManager, Technician, Ops];

    /// <summary>Every authenticated caller the matrix tries.</summary>
    public static readonly IReadOnlyList<string> Authenticated = [.. Staff, Partner];
}

/// <summary>What an operation's path and body refer to besides the customer every case gets (None: only that).</summary>
[Flags]
public enum Needs
{
    None = 0,
    Site = 1,
    Contract = 2,
    ApiKey = 4,
    WorkOrder = 8,
    LineItem = 16,
    Comment = 32,
    ServiceProvider = 64,
    PortalLink = 128,
}

/// <summary>The ids an operation's path and body refer to: a fresh active customer and, when the operation
/// needs them, a site, a contract, an API key, a work order (with a line item and a comment) and a service
/// provider — made by Admin for each case (<see cref="Samples.SampleAsync"/>).</summary>
public sealed record Sample
{
    public Guid CustomerId { get; init; }
    public int CustomerVersion { get; init; }
    public Guid SiteId { get; init; }
    public Guid ContractId { get; init; }
    public Guid ApiKeyId { get; init; }
    public Guid WorkOrderId { get; init; }
    public int WorkOrderVersion { get; init; }
    public Guid LineItemId { get; init; }
    public Guid CommentId { get; init; }
    public Guid ProviderId { get; init; }
    public int ProviderVersion { get; init; }
    public Guid PortalLinkId { get; init; }

    /// <summary>Fills the path's placeholders by the resource they follow: <c>/customers/{id}</c> and
    /// <c>/customers/{customerId}</c> → the customer, <c>/sites/{id}</c> → the site, and so on.</summary>
    public string Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{'))
            {
                continue;
            }

            var id = NeedOf(path, segments[i - 1]) switch
            {
                Needs.None => CustomerId,
                Needs.Site => SiteId,
                Needs.Contract => ContractId,
                Needs.ApiKey => ApiKeyId,
                Needs.WorkOrder => WorkOrderId,
                Needs.LineItem => LineItemId,
                Needs.Comment => CommentId,
                Needs.PortalLink => PortalLinkId,
                _ => ProviderId,
            };
            segments[i] = id == Guid.Empty ? throw new InvalidOperationException($"The sample has no id for {path}.") : id.ToString();
        }

        return string.Join('/', segments);
    }

    /// <summary>What the placeholders of <paramref name="path"/> refer to.</summary>
    public static Needs NeedsOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/');
        var needs = Needs.None;
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i].StartsWith('{'))
            {
                needs |= NeedOf(path, segments[i - 1]);
            }
        }

        return needs;
    }

    private static Needs NeedOf(string path, string resource) => resource switch
    {
        "customers" => Needs.None,
        "sites" => Needs.Site,
        "contracts" => Needs.Contract,
        "api-keys" => Needs.ApiKey,
        "work-orders" => Needs.WorkOrder,
        "line-items" => Needs.LineItem,
        "comments" => Needs.Comment,
        "service-providers" => Needs.ServiceProvider,
        "portal-links" => Needs.PortalLink,

        // The portal's {token} is no sample id: those rows are token-authenticated and out of the role matrix.
        "portal" => Needs.None,

        // Not entity ids of a sample: a message or job the sample does not have (the operation answers 404).
        "outbox" or "jobs" => Needs.None,
        _ when resource.StartsWith('{') || Guid.TryParse(resource, out _) => Needs.None,
        _ => throw new InvalidOperationException(
            $"AccessMatrix: no sample id for a placeholder after '/{resource}' in {path}: teach Sample (Needs, Resolve) and Samples.SampleAsync about it."),
    };
}

/// <summary>One row of the matrix: an operation of openapi.json (by operationId, method and path), a valid
/// sample body (and If-Match), and who may call it.</summary>
public sealed record Operation(
    string OperationId,
    string Method,
    string Path,
    IReadOnlyList<string> Allowed,
    Func<Sample, object>? Body = null,
    Func<Sample, int>? IfMatch = null,
    Needs BodyNeeds = Needs.None)
{
    /// <summary>What the sample must hold for this operation: the path's ids and the body's.</summary>
    public Needs Needs => Sample.NeedsOf(Path) | BodyNeeds;

    /// <summary>Anonymous by design (sign-in): not part of the 401/403 matrix.</summary>
    public bool IsPublic => Allowed.Contains(Principal.Anonymous);

    /// <summary>Customer portal: anonymous for the cookie/role matrix, authenticated by the token in the path.</summary>
    public bool IsTokenAuthenticated => Allowed.Contains(Principal.PortalToken);

    public override string ToString() => $"{Method} {Path} ({OperationId})";
}

/// <summary>THE access table of the API: every operation of openapi.json must have a row (a test fails for an
/// operation without one), and the matrix tests call every row as every principal.
/// The role sets are written out from PRODUCT.md (roles table; where it is silent, the [Authorize] of the
/// request), not read from the application.</summary>
public static class AccessMatrix
{
    private const string A = Principal.Admin;
    private const string D = Principal.Dispatcher;
    private const string PM = Principal.ProjectManager;
    private const string AR = Principal.AccountsReceivable;
    private const string TM = Principal.TeamManager;
    private const string T = Principal.Technician;
    private const string P = Principal.Partner;

    private static readonly string[] Public = [Principal.Anonymous];
    private static readonly string[] AnyAuthenticated = [.. Principal.Authenticated];
    private static readonly string[] AnyStaff = [.. Principal.Staff];
    private static readonly string[] AdminOnly = [A];

    /// <summary>"A TeamManager creates a portal link" (and revokes it); Admin passes everything.</summary>
    private static readonly string[] LinkManagers = [A, TM];

    /// <summary>The customer portal: by token only (see <see cref="Principal.PortalToken"/>).</summary>
    private static readonly string[] ByToken = [Principal.PortalToken];

    /// <summary>"Ops: the background-job dashboard (read, retry, trigger)".</summary>
    private static readonly string[] OpsTeam = [A, Principal.Ops];

    /// <summary>Customers, sites, contracts, assets, work orders: managed by office staff (Admin does everything).</summary>
    private static readonly string[] Office = [A, D, PM, TM];

    /// <summary>Read by office staff, accounts receivable ("read everything") and partners (their customers).</summary>
    private static readonly string[] CustomerReaders = [A, D, PM, TM, AR, P];

    /// <summary>Work orders are read by office staff, accounts receivable, technicians (their own) and partners (their customers').</summary>
    private static readonly string[] WorkOrderReaders = [A, D, PM, TM, AR, T, P];

    /// <summary>Opened by office staff, technicians (monitoring) and partners (for their customers).</summary>
    private static readonly string[] WorkOrderCreators = [A, D, PM, TM, T, P];

    /// <summary>Status changes: office staff; technicians change the work status of their own work.</summary>
    private static readonly string[] WorkOrderMovers = [A, D, PM, TM, T];

    /// <summary>Staff comment (technicians comment; accounts receivable reads everything and may comment).</summary>
    private static readonly string[] Commenters = [A, D, PM, TM, AR, T];

    /// <summary>"Only managers delete comments."</summary>
    private static readonly string[] Managers = [A, PM, TM];

    /// <summary>Events (move-in/move-out/special read) come from the office or from partner systems.</summary>
    private static readonly string[] EventSenders = [A, D, PM, TM, P];

    /// <summary>Providers and teams are read by whoever routes or reads work; managed by Admin.</summary>
    private static readonly string[] ProviderReaders = [A, D, PM, TM, AR, T];

    /// <summary>Timers: technicians (on their own work) and office staff, each for themselves.</summary>
    private static readonly string[] TimeKeepers = [A, D, PM, TM, T];

    /// <summary>Time entries: office staff, accounts receivable ("read everything") and technicians (their own work); not partners.</summary>
    private static readonly string[] TimeReaders = [A, D, PM, TM, AR, T];

    /// <summary>Billed hours and the billing data (progress report, credit-hour bank): the assessors — office staff and accounts receivable.</summary>
    private static readonly string[] Assessors = [A, D, PM, TM, AR];

    /// <summary>WorkMarket re-sync: dispatchers route work (Admin does everything). The WorkMarket webhook is not in
    /// the matrix: it is left out of openapi.json (WorkMarket calls it, not integrators) and authenticated by a
    /// shared secret, not by a role — tests/Api.IntegrationTests/Integrations covers its 401s.</summary>
    private static readonly string[] WorkMarketDispatchers = [A, D];

    /// <summary>"AccountsReceivable: … credit-hour purchases" (PRODUCT.md).</summary>
    private static readonly string[] CreditHourSellers = [A, AR];

    private static readonly Func<Sample, object> WorkOrderDetails = _ => new { title = Unique.Name("Leak"), serviceRequested = "Fix the leak", category = "Service" };

    public static readonly IReadOnlyList<Operation> Operations =
    [
        // Auth
        new("Login", "POST", "/api/v1/auth/login", Public, _ => new { email = "nobody@tests.local", password = "wrong" }),
        new("Logout", "POST", "/api/v1/auth/logout", AnyAuthenticated),
        new("GetMe", "GET", "/api/v1/auth/me", AnyStaff),

        // Customers
        new("GetCustomers", "GET", "/api/v1/customers", CustomerReaders),
        new("CreateCustomer", "POST", "/api/v1/customers", Office, _ => Make.Customer()),
        new("GetCustomer", "GET", "/api/v1/customers/{id}", CustomerReaders),
        new("UpdateCustomer", "PUT", "/api/v1/customers/{id}", Office,
            _ => new { name = Unique.Name("Renamed"), contact = new ContactBody("Pat Primary", "pat@example.com") }, s => s.CustomerVersion),
        new("DeactivateCustomer", "POST", "/api/v1/customers/{id}/deactivate", Office, _ => new { reason = "Access matrix" }),
        new("ReactivateCustomer", "POST", "/api/v1/customers/{id}/reactivate", Office),

        // Sites
        new("GetSites", "GET", "/api/v1/customers/{customerId}/sites", CustomerReaders),
        new("CreateSite", "POST", "/api/v1/customers/{customerId}/sites", Office, _ => new { name = Unique.Name("Site") }),
        new("DeactivateSite", "POST", "/api/v1/sites/{id}/deactivate", Office, _ => new { reason = "Access matrix" }),
        new("ReactivateSite", "POST", "/api/v1/sites/{id}/reactivate", Office),

        // Contracts
        new("GetContracts", "GET", "/api/v1/customers/{customerId}/contracts", CustomerReaders),
        new("CreateContract", "POST", "/api/v1/customers/{customerId}/contracts", Office,
            _ => new { number = "C-" + Unique.Suffix(), name = "Maintenance", startDate = "2026-01-01", endDate = "2026-12-31" }),
        new("CancelContract", "POST", "/api/v1/contracts/{id}/cancel", Office, _ => new { reason = "Access matrix" }),

        // Assets
        new("GetAssets", "GET", "/api/v1/customers/{customerId}/assets", CustomerReaders),
        new("CreateAsset", "POST", "/api/v1/customers/{customerId}/assets", Office,
            s => new { siteId = s.SiteId, name = "Meter", model = "M-200", serialNumber = "SN-" + Unique.Suffix() }, BodyNeeds: Needs.Site),

        // Work orders
        new("GetWorkOrders", "GET", "/api/v1/work-orders", WorkOrderReaders),
        new("CreateWorkOrder", "POST", "/api/v1/work-orders", WorkOrderCreators,
            s => new { customerId = s.CustomerId, siteId = s.SiteId, title = Unique.Name("Leak"), serviceRequested = "Fix the leak", category = "Service" },
            BodyNeeds: Needs.Site),
        new("GetWorkOrder", "GET", "/api/v1/work-orders/{id}", WorkOrderReaders),

        // The row's sample action is Publish (office staff); the per-action roles of bulk (MarkInvoiced: accounts
        // receivable, ApprovePayment: project managers) are the bulk tests' concern.
        new("BulkWorkOrders", "POST", "/api/v1/work-orders/bulk", Office,
            s => new { action = "Publish", ids = new[] { s.WorkOrderId } }, BodyNeeds: Needs.WorkOrder),
        new("UpdateWorkOrder", "PUT", "/api/v1/work-orders/{id}", Office, WorkOrderDetails, s => s.WorkOrderVersion),
        new("DeleteWorkOrder", "DELETE", "/api/v1/work-orders/{id}", Office),
        new("TransitionWorkOrder", "POST", "/api/v1/work-orders/{id}/transitions", WorkOrderMovers, _ => new { action = "Start" }),
        new("GetLineItems", "GET", "/api/v1/work-orders/{id}/line-items", WorkOrderReaders),
        new("AddLineItem", "POST", "/api/v1/work-orders/{id}/line-items", Office,
            _ => new { description = "Replace valve", estimatedLabourHours = 2, partsCost = 40, hourlyRate = 80 }),
        new("UpdateLineItem", "PUT", "/api/v1/work-orders/{id}/line-items/{lineItemId}", Office,
            _ => new { description = "Replace valve and seal", estimatedLabourHours = 3, partsCost = 45, hourlyRate = 80 }),
        new("GetComments", "GET", "/api/v1/work-orders/{id}/comments", WorkOrderReaders),
        new("AddComment", "POST", "/api/v1/work-orders/{id}/comments", Commenters, _ => new { text = "On my way" }),
        new("AddTask", "POST", "/api/v1/work-orders/{id}/tasks", Office, _ => new { title = "Shut off the water" }),
        new("ResyncWorkMarket", "POST", "/api/v1/work-orders/{id}/workmarket/resync", WorkMarketDispatchers),
        new("DeleteComment", "DELETE", "/api/v1/comments/{id}", Managers),
        new("CreateEventWorkOrder", "POST", "/api/v1/events", EventSenders,
            s => new { kind = "MoveIn", customerId = s.CustomerId, siteId = s.SiteId, reference = "ACC-" + Unique.Suffix() }, BodyNeeds: Needs.Site),

        // Time and billing (the sample work order is a Draft: allowed callers get a 409 or a 404, never a 401/403)
        new("StartTimer", "POST", "/api/v1/work-orders/{id}/timer/start", TimeKeepers),
        new("StopTimer", "POST", "/api/v1/work-orders/{id}/timer/stop", TimeKeepers),
        new("GetTimeEntries", "GET", "/api/v1/work-orders/{id}/time-entries", TimeReaders),
        new("AddTimeEntry", "POST", "/api/v1/work-orders/{id}/time-entries", Office,
            _ => new { startedAt = DateTime.UtcNow.AddHours(-2).ToString("O"), endedAt = DateTime.UtcNow.AddHours(-1).ToString("O"), note = "Phone fix" }),
        new("SetBilledHours", "PUT", "/api/v1/work-orders/{id}/billed-hours", Assessors, _ => new { hours = 2, note = "Access matrix" }),
        new("GetWorkOrderProgress", "GET", "/api/v1/work-orders/{id}/progress", Assessors),
        new("GetCreditHours", "GET", "/api/v1/customers/{id}/credit-hours", Assessors),
        new("PurchaseCreditHours", "POST", "/api/v1/customers/{id}/credit-hours", CreditHourSellers,
            _ => new { hours = 10, note = "Access matrix", reference = "PO-" + Unique.Suffix() }),

        // Service providers and teams
        new("GetServiceProviders", "GET", "/api/v1/service-providers", ProviderReaders),
        new("CreateServiceProvider", "POST", "/api/v1/service-providers", AdminOnly,
            _ => new { name = Unique.Name("Provider"), email = Unique.Email("provider"), kind = "ExternalTechnician" }),
        new("GetServiceProvider", "GET", "/api/v1/service-providers/{id}", ProviderReaders),
        new("UpdateServiceProvider", "PUT", "/api/v1/service-providers/{id}", AdminOnly,
            _ => new { name = Unique.Name("Provider"), email = Unique.Email("provider"), kind = "ExternalTechnician", isActive = true }, s => s.ProviderVersion),
        new("GetServiceProviderTeams", "GET", "/api/v1/service-provider-teams", ProviderReaders),
        new("CreateServiceProviderTeam", "POST", "/api/v1/service-provider-teams", AdminOnly,
            s => new { name = Unique.Name("Team"), memberIds = new[] { s.ProviderId } }, BodyNeeds: Needs.ServiceProvider),

        // Users (Admin)
        new("GetUsers", "GET", "/api/v1/users", AdminOnly),
        new("CreateUser", "POST", "/api/v1/users", AdminOnly,
            _ => new { email = Unique.Email("matrix"), displayName = "Matrix", password = ApiFactory.Password, roles = new[] { Principal.Technician } }),

        // API keys (Admin)
        new("GetApiKeys", "GET", "/api/v1/api-keys", AdminOnly),
        new("CreateApiKey", "POST", "/api/v1/api-keys", AdminOnly, s => new { name = Unique.Name("Key"), customerIds = new[] { s.CustomerId } }),
        new("RevokeApiKey", "DELETE", "/api/v1/api-keys/{id}", AdminOnly),

        // Customer portal, staff side: team managers make and revoke links; office staff read them and their access log.
        new("CreatePortalLink", "POST", "/api/v1/work-orders/{id}/portal-links", LinkManagers, _ => new { view = "Estimate" }),
        new("GetPortalLinks", "GET", "/api/v1/work-orders/{id}/portal-links", Office),
        new("RevokePortalLink", "DELETE", "/api/v1/work-orders/{id}/portal-links/{linkId}", LinkManagers),
        new("GetPortalAccessLog", "GET", "/api/v1/work-orders/{id}/portal-links/{linkId}/access-log", Office),

        // Customer portal, by token (out of the role matrix; Portal/PortalAccessTests: same 404 for every bad token,
        // one work order and one view per token).
        new("GetPortalSession", "GET", "/api/v1/portal/{token}", ByToken),
        new("GetPortalWorkAuthorization", "GET", "/api/v1/portal/{token}/work-authorization", ByToken),
        new("GetPortalEstimate", "GET", "/api/v1/portal/{token}/estimate", ByToken),
        new("GetPortalEstimatePdf", "GET", "/api/v1/portal/{token}/estimate/pdf", ByToken),
        new("SignPortalEstimate", "POST", "/api/v1/portal/{token}/estimate/signature", ByToken),
        new("GetPortalProgressReport", "GET", "/api/v1/portal/{token}/progress-report", ByToken),
        new("GetPortalInvoice", "GET", "/api/v1/portal/{token}/invoice", ByToken),
        new("GetPortalInvoicePdf", "GET", "/api/v1/portal/{token}/invoice/pdf", ByToken),
        new("DecidePortalLineItem", "PUT", "/api/v1/portal/{token}/line-items/{lineItemId}/decision", ByToken),
        new("AddPortalComment", "POST", "/api/v1/portal/{token}/comments", ByToken),

        // Background jobs dashboard (Ops; Admin)
        new("GetOutboxMessages", "GET", "/api/v1/ops/outbox", OpsTeam),
        new("GetOutboxSummary", "GET", "/api/v1/ops/outbox/summary", OpsTeam),
        new("RetryOutboxMessage", "POST", "/api/v1/ops/outbox/{id}/retry", OpsTeam),
        new("GetJobs", "GET", "/api/v1/ops/jobs", OpsTeam),
        new("TriggerJob", "POST", "/api/v1/ops/jobs/{group}/{name}/trigger", OpsTeam),
    ];

    public static Operation Get(string operationId) =>
        Operations.SingleOrDefault(o => o.OperationId == operationId)
        ?? throw new InvalidOperationException($"{operationId} is not in the access matrix.");

    /// <summary>operationId — for every non-public operation.</summary>
    public static TheoryData<string> Protected()
    {
        var data = new TheoryData<string>();
        foreach (var operation in Operations.Where(o => !o.IsPublic && !o.IsTokenAuthenticated))
        {
            data.Add(operation.OperationId);
        }

        return data;
    }

    /// <summary>(operationId, principal) for every authenticated principal the row allows.</summary>
    public static TheoryData<string, string> AllowedCases() => Cases(allowed: true);

    /// <summary>(operationId, principal) for every authenticated principal the row does not allow.</summary>
    public static TheoryData<string, string> ForbiddenCases() => Cases(allowed: false);

    /// <summary>(operationId, principal) for every principal the row does not allow, of rows that send If-Match.</summary>
    public static TheoryData<string, string> ForbiddenConditionalCases() => Cases(allowed: false, o => o.IfMatch is not null);

    private static TheoryData<string, string> Cases(bool allowed, Func<Operation, bool>? which = null)
    {
        var data = new TheoryData<string, string>();
        foreach (var operation in Operations.Where(o => !o.IsPublic && !o.IsTokenAuthenticated && (which is null || which(o))))
        {
            foreach (var principal in Principal.Authenticated.Where(p => operation.Allowed.Contains(p) == allowed))
            {
                data.Add(operation.OperationId, principal);
            }
        }

        return data;
    }
}

/// <summary>The answer to creating a portal link (what the matrix needs of it).</summary>
public sealed record CreatedLink(CreatedLinkRow Link, string Token, string Url);

public sealed record CreatedLinkRow(Guid Id);

/// <summary>Builds the <see cref="Sample"/> an operation needs, as Admin, fresh for each call.</summary>
public static class Samples
{
    public static async Task<Sample> SampleAsync(this ApiFactory factory, Needs needs)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (needs.HasFlag(Needs.LineItem) || needs.HasFlag(Needs.Comment) || needs.HasFlag(Needs.PortalLink))
        {
            needs |= Needs.WorkOrder;
        }

        if (needs.HasFlag(Needs.WorkOrder))
        {
            needs |= Needs.Site;
        }

        var admin = await factory.SessionAsync(Principal.Admin);
        var customer = await Make.CustomerAsync(admin);
        var sample = new Sample { CustomerId = customer.Id, CustomerVersion = customer.Version };
        if (needs.HasFlag(Needs.Site))
        {
            sample = sample with { SiteId = (await Make.SiteAsync(admin, customer.Id)).Id };
        }

        if (needs.HasFlag(Needs.Contract))
        {
            sample = sample with { ContractId = (await Make.ContractAsync(admin, customer.Id)).Id };
        }

        if (needs.HasFlag(Needs.ApiKey))
        {
            var key = await (await admin.PostJsonAsync("/api/v1/api-keys", new { name = Unique.Name("Sample key"), customerIds = new[] { customer.Id } }))
                .ShouldBeAsync<CreatedApiKey>(HttpStatusCode.Created);
            sample = sample with { ApiKeyId = key.ApiKey.Id };
        }

        if (needs.HasFlag(Needs.WorkOrder))
        {
            var workOrder = await (await admin.PostJsonAsync("/api/v1/work-orders",
                    new { customerId = customer.Id, siteId = sample.SiteId, title = Unique.Name("Sample"), serviceRequested = "Inspect the meter", category = "Service" }))
                .ShouldBeAsync<IdAndVersion>(HttpStatusCode.Created);
            sample = sample with { WorkOrderId = workOrder.Id, WorkOrderVersion = workOrder.Version };
        }

        if (needs.HasFlag(Needs.LineItem))
        {
            var item = await (await admin.PostJsonAsync($"/api/v1/work-orders/{sample.WorkOrderId}/line-items",
                    new { description = "Sample item", estimatedLabourHours = 1, partsCost = 0, hourlyRate = 80 }))
                .ShouldBeAsync<IdAndVersion>(HttpStatusCode.Created);
            sample = sample with { LineItemId = item.Id };
        }

        if (needs.HasFlag(Needs.Comment))
        {
            var comment = await (await admin.PostJsonAsync($"/api/v1/work-orders/{sample.WorkOrderId}/comments", new { text = "Sample comment" }))
                .ShouldBeAsync<IdAndVersion>(HttpStatusCode.Created);
            sample = sample with { CommentId = comment.Id };
        }

        if (needs.HasFlag(Needs.PortalLink))
        {
            var link = await (await admin.PostJsonAsync($"/api/v1/work-orders/{sample.WorkOrderId}/portal-links", new { view = "Estimate" }))
                .ShouldBeAsync<CreatedLink>(HttpStatusCode.Created);
            sample = sample with { PortalLinkId = link.Link.Id };
        }

        // The work order's version after its children were added (each change bumps it).
        if (needs.HasFlag(Needs.WorkOrder))
        {
            var current = await (await admin.GetAsync($"/api/v1/work-orders/{sample.WorkOrderId}")).ShouldBeAsync<IdAndVersion>(HttpStatusCode.OK);
            sample = sample with { WorkOrderVersion = current.Version };
        }

        if (needs.HasFlag(Needs.ServiceProvider))
        {
            var provider = await (await admin.PostJsonAsync("/api/v1/service-providers",
                    new { name = Unique.Name("Sample provider"), email = Unique.Email("provider"), kind = "ExternalTechnician" }))
                .ShouldBeAsync<IdAndVersion>(HttpStatusCode.Created);
            sample = sample with { ProviderId = provider.Id, ProviderVersion = provider.Version };
        }

        return sample;
    }

    private sealed record IdAndVersion(Guid Id, int Version);
}
