using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace WorkOrders.Infrastructure.WorkMarket;

/// <summary>An assignment as the list and get calls describe it.</summary>
public sealed record WorkMarketAssignment(string Id, string Status, string? ExternalWorkId, long? ModifiedOn);

public sealed record WorkMarketPage(IReadOnlyList<WorkMarketAssignment> Items, int TotalResults, long? Timestamp);

public sealed record WorkMarketTalentPool(long Id, string Name, int Members, bool Active);

/// <summary>What a new assignment says. <see cref="ExternalWorkId"/> is our work order's number (the API types
/// the field as an integer): it is how a create whose answer was lost is found again.</summary>
public sealed record CreateAssignment(
    string ExternalWorkId,
    string Title,
    string Description,
    string? Instructions,
    long IndustryId,
    DateTime ScheduledStart,
    DateTime? ScheduledEnd,
    decimal FlatPrice,
    string? LocationName,
    string? Address1,
    string? City,
    string? State,
    string? Zip,
    string Country);

/// <summary>The access token, shared by every client instance; renewed once when WorkMarket answers 401.</summary>
public sealed class WorkMarketTokenCache : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;

    public async Task<string> GetAsync(Func<CancellationToken, Task<string>> authorize, string? refused, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorize);
        var current = Volatile.Read(ref _token);
        if (current is not null && current != refused)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have renewed it while we waited.
            if (_token is not null && _token != refused)
            {
                return _token;
            }

            _token = await authorize(cancellationToken).ConfigureAwait(false);
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}

/// <summary>The typed client of WorkMarket's Employer API v1 (the calls in /work/shared/workmarket/README.md):
/// form-encoded inputs (repeated keys for lists), a Bearer access token obtained with our token and secret and
/// renewed exactly once on a 401, every answer checked on both its HTTP status and its envelope.</summary>
public sealed class WorkMarketClient(HttpClient http, WorkMarketOptions options, WorkMarketTokenCache tokens, ILogger<WorkMarketClient> logger)
{
    private const string Assignments = "/v1/employer/assignments";

    public async Task<string> CreateAssignmentAsync(CreateAssignment assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("external_work_id", assignment.ExternalWorkId),
            new("title", assignment.Title),
            new("description", assignment.Description),
            new("industry_id", assignment.IndustryId.ToString(CultureInfo.InvariantCulture)),
            new("scheduled_start", new DateTimeOffset(DateTime.SpecifyKind(assignment.ScheduledStart, DateTimeKind.Utc)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            new("pricing_type", "flat"),
            new("pricing_flat_price", assignment.FlatPrice.ToString(CultureInfo.InvariantCulture)),
            new("location_country", assignment.Country),
        };
        Add(fields, "instructions", assignment.Instructions);
        Add(fields, "scheduled_end", assignment.ScheduledEnd is { } end
            ? new DateTimeOffset(DateTime.SpecifyKind(end, DateTimeKind.Utc)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : null);
        Add(fields, "location_name", assignment.LocationName);
        Add(fields, "location_address1", assignment.Address1);
        Add(fields, "location_city", assignment.City);
        Add(fields, "location_state", assignment.State);
        Add(fields, "location_zip", assignment.Zip);

        try
        {
            var envelope = await CallAsync(HttpMethod.Post, $"{Assignments}/create", fields, idempotent: false, cancellationToken).ConfigureAwait(false);
            var id = WorkMarketEnvelope.Text(envelope.Response, "id");
            return id.Length > 0 ? id : throw new WorkMarketException(WorkMarketErrorKind.UnknownOutcome, "WorkMarket accepted the create but answered no assignment id.");
        }
        catch (WorkMarketException e) when (e.Kind is WorkMarketErrorKind.Transient or WorkMarketErrorKind.Protocol && e.StatusCode is not 429 && e.InnerException is not BrokenCircuitException)
        {
            // A 5xx, a gateway timeout, a garbled answer after the request left: it may have been created.
            throw new WorkMarketException(WorkMarketErrorKind.UnknownOutcome, "The outcome of the create is unknown: " + e.Message, e.StatusCode, e.Errors, e);
        }
    }

    /// <summary>Sends (routes) an assignment to talent pools and/or workers; allowed from draft, sent and declined.</summary>
    public async Task SendAssignmentAsync(string id, IEnumerable<long> groupIds, IEnumerable<string> workerIds, bool assignToFirstToAccept, CancellationToken cancellationToken)
    {
        var fields = new List<KeyValuePair<string, string>>();
        fields.AddRange(groupIds.Select(g => new KeyValuePair<string, string>("group_id", g.ToString(CultureInfo.InvariantCulture))));
        fields.AddRange(workerIds.Select(w => new KeyValuePair<string, string>("resource_id", w)));
        fields.Add(new("assign_to_first_to_accept", assignToFirstToAccept ? "true" : "false"));
        await CallAsync(HttpMethod.Post, $"{Assignments}/{Uri.EscapeDataString(id)}/send", fields, idempotent: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WorkMarketAssignment> GetAssignmentAsync(string id, CancellationToken cancellationToken)
    {
        var envelope = await CallAsync(HttpMethod.Get, $"{Assignments}/get", [new("id", id)], idempotent: true, cancellationToken).ConfigureAwait(false);
        return AssignmentOf(envelope.Response);
    }

    /// <summary>Assignments changed after <paramref name="modifiedSince"/> (ms); <see cref="WorkMarketPage.Timestamp"/> is the next cursor.</summary>
    public async Task<WorkMarketPage> ListUpdatedAsync(long modifiedSince, int start, int limit, CancellationToken cancellationToken)
    {
        var envelope = await CallAsync(HttpMethod.Get, $"{Assignments}/list_updated",
            [
                new("modified_since", modifiedSince.ToString(CultureInfo.InvariantCulture)),
                new("start", start.ToString(CultureInfo.InvariantCulture)),
                new("limit", limit.ToString(CultureInfo.InvariantCulture)),
            ],
            idempotent: true, cancellationToken).ConfigureAwait(false);
        var items = new List<WorkMarketAssignment>();
        if (envelope.Response.ValueKind == JsonValueKind.Object && envelope.Response.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
        {
            items.AddRange(data.EnumerateArray().Select(AssignmentOf));
        }

        var total = envelope.Response.ValueKind == JsonValueKind.Object && envelope.Response.TryGetProperty("totalResults", out var t) && t.TryGetInt32(out var n) ? n : items.Count;
        return new WorkMarketPage(items, total, envelope.Timestamp);
    }

    /// <summary>The live assignment created for <paramref name="externalWorkId"/> (our work order), searched among the
    /// assignments changed since <paramref name="modifiedSince"/>; voided or cancelled ones do not count.</summary>
    public async Task<WorkMarketAssignment?> FindByExternalIdAsync(string externalWorkId, long modifiedSince, CancellationToken cancellationToken)
    {
        var found = new List<WorkMarketAssignment>();
        var limit = Math.Clamp(options.PageSize, 1, 100);
        for (var start = 0; ; start += limit)
        {
            var page = await ListUpdatedAsync(modifiedSince, start, limit, cancellationToken).ConfigureAwait(false);
            found.AddRange(page.Items.Where(a => a.ExternalWorkId == externalWorkId));
            if (page.Items.Count < limit || start + limit >= page.TotalResults)
            {
                break;
            }
        }

        return found.FirstOrDefault(a => !IsEnded(a.Status));
    }

    /// <summary>Voided, deleted or cancelled: the assignment will never carry the work again.</summary>
    public static bool IsEnded(string status) => status is "void" or "deleted" or "cancelled" or "cancelledWithPay" or "cancelledPayPending";

    /// <summary>Voids a draft or sent assignment.</summary>
    public Task VoidAsync(string id, string note, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, $"{Assignments}/void", [new("id", id), new("note", note)], idempotent: true, cancellationToken);

    /// <summary>Cancels an active assignment.</summary>
    public Task CancelAsync(string id, decimal amount, string reason, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, $"{Assignments}/cancel",
            [new("id", id), new("amount", amount.ToString(CultureInfo.InvariantCulture)), new("reason", reason), new("note", reason)], idempotent: true, cancellationToken);

    public Task ApprovePaymentAsync(string id, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, $"{Assignments}/approve_payment", [new("id", id)], idempotent: true, cancellationToken);

    public async Task<IReadOnlyList<WorkMarketTalentPool>> ListTalentPoolsAsync(CancellationToken cancellationToken)
    {
        var envelope = await CallAsync(HttpMethod.Get, "/v1/employer/groups/list", [], idempotent: true, cancellationToken).ConfigureAwait(false);
        var pools = new List<WorkMarketTalentPool>();
        if (envelope.Response.ValueKind == JsonValueKind.Array)
        {
            foreach (var p in envelope.Response.EnumerateArray())
            {
                pools.Add(new WorkMarketTalentPool(
                    p.TryGetProperty("id", out var id) && id.TryGetInt64(out var i) ? i : 0,
                    WorkMarketEnvelope.Text(p, "name"),
                    p.TryGetProperty("members", out var m) && m.TryGetInt32(out var n) ? n : 0,
                    p.TryGetProperty("active", out var a) && a.ValueKind == JsonValueKind.True));
            }
        }

        return pools;
    }

    private static WorkMarketAssignment AssignmentOf(JsonElement e)
    {
        var external = WorkMarketEnvelope.Text(e, "external_work_id");
        var modified = e.ValueKind == JsonValueKind.Object && e.TryGetProperty("last_modified_on", out var m) && m.TryGetInt64(out var ms) ? ms : (long?)null;
        return new WorkMarketAssignment(WorkMarketEnvelope.Text(e, "id"), WorkMarketEnvelope.Text(e, "status"), external.Length > 0 ? external : null, modified);
    }

    private static void Add(List<KeyValuePair<string, string>> fields, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            fields.Add(new(key, value));
        }
    }

    private async Task<WorkMarketEnvelope> CallAsync(HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>> fields, bool idempotent, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(AuthorizeAsync, null, cancellationToken).ConfigureAwait(false);
        var (status, body) = await SendAsync(method, path, fields, idempotent, token, cancellationToken).ConfigureAwait(false);
        if (status == HttpStatusCode.Unauthorized)
        {
            // Expired or revoked: one new token, one more try (a 401 means nothing was done, so a create may be re-sent too).
            WorkMarketLog.Reauthorizing(logger);
            token = await tokens.GetAsync(AuthorizeAsync, token, cancellationToken).ConfigureAwait(false);
            (status, body) = await SendAsync(method, path, fields, idempotent, token, cancellationToken).ConfigureAwait(false);
        }

        return WorkMarketEnvelope.Parse(status, body);
    }

    private async Task<string> AuthorizeAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Token) || string.IsNullOrEmpty(options.Secret))
        {
            throw new WorkMarketException(WorkMarketErrorKind.Unauthorized, "WorkMarket:Token and WorkMarket:Secret are not configured.");
        }

        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/employer/authorization/request",
            [new("token", options.Token), new("secret", options.Secret)], idempotent: true, accessToken: null, cancellationToken).ConfigureAwait(false);
        var envelope = WorkMarketEnvelope.Parse(status, body);
        var token = WorkMarketEnvelope.Text(envelope.Response, "access_token");
        return token.Length > 0 ? token : throw new WorkMarketException(WorkMarketErrorKind.Protocol, "WorkMarket answered no access_token.");
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(
        HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>> fields, bool idempotent, string? accessToken, CancellationToken cancellationToken)
    {
        var uri = path;
        using var request = new HttpRequestMessage(method, method == HttpMethod.Get && fields.Count > 0 ? uri + "?" + Query(fields) : uri);
        if (method != HttpMethod.Get)
        {
            request.Content = new FormUrlEncodedContent(fields);
        }

        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Options.Set(WorkMarketResilience.Idempotent, idempotent);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return (response.StatusCode, body);
        }
        catch (BrokenCircuitException e)
        {
            throw new WorkMarketException(WorkMarketErrorKind.Transient, "WorkMarket is unavailable (circuit open): " + e.Message, inner: e);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException
                                    || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var notSent = e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };
            var kind = idempotent || notSent ? WorkMarketErrorKind.Transient : WorkMarketErrorKind.UnknownOutcome;
            throw new WorkMarketException(kind, $"WorkMarket call {method} {path} failed: {e.Message}", inner: e);
        }
    }

    private static string Query(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
}
