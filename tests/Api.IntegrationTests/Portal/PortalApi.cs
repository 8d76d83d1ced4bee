using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkOrders.Api.IntegrationTests.Billing;
using WorkOrders.Api.IntegrationTests.WorkOrderTests;

namespace WorkOrders.Api.IntegrationTests.Portal;

public sealed record PortalLinkRow(Guid Id, Guid WorkOrderId, string View, string State, DateTime CreatedAt, string CreatedBy, DateTime ExpiresAt,
    DateTime? RevokedAt, string? RevokedBy, DateTime? LastUsedAt, string? EmailedTo, string? Message);

public sealed record NewPortalLink(PortalLinkRow Link, string Token, string Url);

public sealed record PortalItem(Guid Id, string Description, decimal EstimatedLabourHours, decimal? HourlyRate, decimal? PartsCost, decimal? Total,
    string ApprovalStatus, string? ApprovalNote, DateTime? DecidedAt, int Revision, bool ApprovalStale, string? PreviousApprovalStatus);

public sealed record PortalHeader(string Number, string Title, string Status, string CustomerName, string SiteName);

public sealed record PortalSignature(string SignerName, DateTime SignedAt, int EstimateVersion, string EstimatePdfSha256);

public sealed record PortalComment(Guid Id, string AuthorName, string Text, bool ByCustomer, DateTime CreatedAt);

public sealed record PortalApprovalView(string View, DateTime ExpiresAt, int Version, PortalHeader WorkOrder, List<PortalComment> Comments,
    int EstimateVersion, List<PortalItem> LineItems, int PendingCount, decimal? Total, PortalSignature? Signature, bool SignatureRequired);

public sealed record PortalAccessRow(DateTime At, string? Address, string? UserAgent, string Action);

public sealed record StaffLineItem(Guid Id, string ApprovalStatus, bool ApprovalStale, string? PreviousApprovalStatus, string? PreviousApprovalNote,
    int? DecidedEstimateVersion, string? DecidedPdfSha256, int Revision);

public sealed record StaffWorkOrder(Guid Id, int Version, int EstimateVersion, List<StaffLineItem> LineItems, List<WoComment> Comments);

/// <summary>The API with a clock the tests move (link expiry) — the system clock otherwise.</summary>
public abstract class PortalApiFactory(TestProvider provider) : ApiFactory(provider)
{
    public ManualClock Clock { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);

        // The tests move the clock by days: the staff sessions keep real time (they would expire otherwise).
        services.PostConfigureAll<CookieAuthenticationOptions>(o => o.TimeProvider = TimeProvider.System);
        services.PostConfigureAll<SecurityStampValidatorOptions>(o => o.TimeProvider = TimeProvider.System);
    }
}

public sealed class SqlitePortalFactory() : PortalApiFactory(TestProvider.Sqlite);

public sealed class PostgresPortalFactory() : PortalApiFactory(TestProvider.Postgres);

/// <summary>A work order with line items, and the portal calls the tests make.</summary>
public static class PortalApi
{
    /// <summary>A 1×1 PNG (a drawn signature stands in).</summary>
    public const string Png1x1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    public static readonly string SignatureDataUrl = "data:image/png;base64," + Png1x1;

    public static readonly string[] Views = ["WorkAuthorization", "Estimate", "ProgressReport", "Invoice"];

    /// <summary>An Assigned work order with two line items (Pending), made by a dispatcher.</summary>
    public static async Task<(WoDetail WorkOrder, List<Guid> Items)> WorkOrderAsync(ApiFactory factory, string title = "Leaking valve")
    {
        var admin = await factory.SessionAsync("Admin");
        var dispatcher = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await Wo.CustomerWithSiteAsync(dispatcher);
        var provider = await Wo.ProviderAsync(admin);
        var workOrder = await Wo.MoveToAsync(dispatcher, await Wo.CreateAsync(dispatcher, customer.Id, site.Id, title), "Assigned", provider.Id);
        var items = new List<Guid>();
        foreach (var (description, hours, parts) in new[] { ("Replace valve seal " + Unique.Suffix(), 2m, 40m), ("Flush the line " + Unique.Suffix(), 1.5m, 0m) })
        {
            var response = await dispatcher.PostJsonAsync($"/api/v1/work-orders/{workOrder.Id}/line-items",
                new { description, estimatedLabourHours = hours, partsCost = parts, hourlyRate = 80m });
            items.Add((await response.ShouldBeAsync<WoLineItem>(HttpStatusCode.Created)).Id);
        }

        return (workOrder, items);
    }

    public static async Task<NewPortalLink> LinkAsync(ApiFactory factory, Guid workOrderId, string view, object? extra = null)
    {
        var manager = await factory.SessionAsync("TeamManager");
        var body = extra ?? new { view };
        var response = await manager.PostJsonAsync($"/api/v1/work-orders/{workOrderId}/portal-links", body);
        return await response.ShouldBeAsync<NewPortalLink>(HttpStatusCode.Created);
    }

    public static string Url(string token, string suffix = "") => $"/api/v1/portal/{token}{suffix}";

    public static async Task<(T Body, string ETag)> GetAsync<T>(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.ShouldBeAsync<T>(HttpStatusCode.OK);
        return (body, response.Headers.ETag!.Tag);
    }

    public static Task<HttpResponseMessage> DecideAsync(HttpClient client, string token, Guid itemId, string decision, string? etag, string? key = null, string? note = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Url(token, $"/line-items/{itemId}/decision"))
        {
            Content = JsonContent.Create(new { decision, note }, options: HttpAssertions.Json),
        };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body, string? etag, string? key = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: HttpAssertions.Json);
        }

        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return client.SendAsync(request);
    }

    /// <summary>The text of a PDF as <c>pdftotext</c> (poppler-utils) reads it.</summary>
    public static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"portal-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", file, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true })
                ?? throw new InvalidOperationException("pdftotext did not start (apt-get install -y poppler-utils).");
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.ShouldBe(0, await process.StandardError.ReadToEndAsync());
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A ProblemDetails body without what differs per request by nature (trace id, the path as instance).</summary>
    public static string Comparable(string body)
    {
        using var document = JsonDocument.Parse(body);
        return string.Join(';', document.RootElement.EnumerateObject()
            .Where(p => p.Name is not "traceId" and not "instance")
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value.GetRawText()}"));
    }

    public static MediaTypeHeaderValue? ContentType(HttpResponseMessage response) => response.Content.Headers.ContentType;
}
