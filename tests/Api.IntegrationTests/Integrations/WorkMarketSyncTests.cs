using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Infrastructure.Persistence.Outbox;
using WorkOrders.Infrastructure.WorkMarket;
using WorkOrders.WorkMarket.Sandbox;

namespace WorkOrders.Api.IntegrationTests.Integrations;

/// <summary>After the dispatch: the webhook (secret, de-duplication, status recorded), the reconciliation
/// (list_updated since the stored cursor) and the re-sync action (roles, 409, a new outbox row, still one assignment).</summary>
public abstract partial class WorkMarketDispatchTests
{
    private const string Webhook = "/api/v1/integrations/workmarket/webhook";

    [Fact]
    public async Task Webhook_WithoutOrWithAWrongSecret_Is401ProblemDetails_WithoutDetail()
    {
        var (id, _, row) = await SentToWorkMarketAsync();
        await DispatchAsync(row);
        var assignmentId = (await GetAsync(id)).WorkMarket!.AssignmentId!;
        var body = new { assignment_id = assignmentId, @event = "assignment.accepted", status = "active" };

        foreach (var secret in new[] { null, "", "wrong", WorkMarketApiFactory.WebhookSecret + "x" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Webhook) { Content = JsonContent.Create(body) };
            if (secret is not null)
            {
                request.Headers.Add(WorkMarketApiFactory.WebhookHeader, secret);
            }

            var response = await Factory.Anonymous().SendAsync(request);
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
            problem.TryGetProperty("detail", out _).ShouldBeFalse();
        }

        // A signed-in user is no substitute for the secret.
        var signedIn = await Factory.SessionAsync("Admin");
        (await signedIn.PostJsonAsync(Webhook, body)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await GetAsync(id)).WorkMarket!.WorkMarketStatus.ShouldBe("sent");
    }

    [Fact]
    public async Task Webhook_WithTheSecret_ButWithoutAssignmentOrStatus_Is400_AndAnUnknownAssignmentIsOnlyAcknowledged()
    {
        foreach (var body in new[] { "{}", "{\"assignment_id\":\"1\"}", "{\"status\":\"active\"}", "not json", "[1,2]" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Webhook) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add(WorkMarketApiFactory.WebhookHeader, WorkMarketApiFactory.WebhookSecret);
            await (await Factory.Anonymous().SendAsync(request)).ShouldBeValidationProblemAsync(["assignment_id", "status"]);
        }

        // Form-encoded works as well; an assignment that is not ours is acknowledged (so WorkMarket stops retrying) and changes nothing else.
        using var form = new HttpRequestMessage(HttpMethod.Post, Webhook)
        {
            Content = new FormUrlEncodedContent([new("assignment_id", "999999999"), new("event", "assignment.sent"), new("status", "sent")]),
        };
        form.Headers.Add(WorkMarketApiFactory.WebhookHeader, WorkMarketApiFactory.WebhookSecret);
        (await (await Factory.Anonymous().SendAsync(form)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK)).GetProperty("outcome").GetString().ShouldBe("Unknown");
    }

    [Fact]
    public async Task Webhook_DuplicateDelivery_IsAppliedOnce_AndTheStatusIsRecorded()
    {
        var (id, _, row) = await SentToWorkMarketAsync();
        await DispatchAsync(row);
        var assignmentId = (await GetAsync(id)).WorkMarket!.AssignmentId!;
        var body = new { assignment_id = assignmentId, @event = "assignment.accepted", status = "active" };

        var first = await PostWebhookAsync(body);
        var second = await PostWebhookAsync(body);

        first.GetProperty("outcome").GetString().ShouldBe("Applied");
        second.GetProperty("outcome").GetString().ShouldBe("Duplicate");
        var sync = (await GetAsync(id)).WorkMarket!;
        sync.Status.ShouldBe("Active");
        sync.WorkMarketStatus.ShouldBe("active");
        (await Factory.WithDbAsync(db => db.Set<WorkMarketWebhookReceipt>().CountAsync(r => r.AssignmentId == assignmentId))).ShouldBe(1);
        (await GetAsync(id)).Status.ShouldBe("Assigned"); // conservative: our status machine is not moved by WorkMarket
    }

    [Fact]
    public async Task Webhook_FiredByTheSandbox_OnAStatusChange_DeliveredTwice_IsRecordedOnce()
    {
        var (id, _, row) = await SentToWorkMarketAsync();
        await DispatchAsync(row);
        var assignmentId = (await GetAsync(id)).WorkMarket!.AssignmentId!;
        Sandbox.Options.Webhook = new WebhookSettings
        {
            Url = "http://localhost" + Webhook,
            HeaderName = WorkMarketApiFactory.WebhookHeader,
            HeaderValue = WorkMarketApiFactory.WebhookSecret,
            DeliverTwice = true,
        };
        var delivered = Sandbox.Webhooks.Deliveries.Count;

        (await new HttpClient().PostAsJsonAsync($"{Sandbox.BaseUrl}/_sandbox/assignments/{assignmentId}/status", new { status = "active" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        await WaitUntilAsync(() => Sandbox.Webhooks.Deliveries.Count >= delivered + 2);
        Sandbox.Webhooks.Deliveries.Skip(delivered).ShouldAllBe(d => d.Status == 200);
        var sync = (await GetAsync(id)).WorkMarket!;
        sync.Status.ShouldBe("Active");
        sync.WorkMarketStatus.ShouldBe("active");
        (await Factory.WithDbAsync(db => db.Set<WorkMarketWebhookReceipt>().CountAsync(r => r.AssignmentId == assignmentId))).ShouldBe(1);
    }

    [Fact]
    public async Task Reconciliation_AppliesChangesFromListUpdated_AndAdvancesTheCursor()
    {
        var (a, _, rowA) = await SentToWorkMarketAsync();
        var (b, _, rowB) = await SentToWorkMarketAsync();
        await DispatchAsync(rowA);
        await DispatchAsync(rowB);
        await ReconcileAsync(); // catch up: everything so far
        var cursorBefore = await CursorAsync();

        var idA = (await GetAsync(a)).WorkMarket!.AssignmentId!;
        var idB = (await GetAsync(b)).WorkMarket!.AssignmentId!;
        Sandbox.Store.Transition(idA, "active", "assignment.accepted", "Accepted").ShouldBeNull(); // no webhook configured: lost
        Sandbox.Store.Transition(idA, "complete", "assignment.completed", "Done").ShouldBeNull();
        Sandbox.Store.Transition(idB, "declined", "assignment.declined", "Declined").ShouldBeNull();

        var result = await ReconcileAsync();

        result.Applied.ShouldBe(2);
        result.Cursor.ShouldBeGreaterThan(cursorBefore);
        (await CursorAsync()).ShouldBe(result.Cursor);
        (await GetAsync(a)).WorkMarket!.Status.ShouldBe("Completed");
        (await GetAsync(a)).WorkMarket!.WorkMarketStatus.ShouldBe("complete");
        (await GetAsync(b)).WorkMarket!.Status.ShouldBe("Declined");

        (await ReconcileAsync()).Applied.ShouldBe(0); // nothing new
    }

    [Fact]
    public async Task Resync_ByADispatcher_EnqueuesANewDispatch_WhichFindsTheSameAssignment()
    {
        var (id, number, row) = await SentToWorkMarketAsync();
        await DispatchAsync(row);
        var dispatcher = await Factory.SessionAsync("Dispatcher");

        var response = await dispatcher.PostAsync($"/api/v1/work-orders/{id}/workmarket/resync", null);

        var accepted = await response.ShouldBeAsync<WorkMarketSyncBody>(HttpStatusCode.Accepted);
        accepted.Status.ShouldBe("Pending");
        var rows = await Factory.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Type == "WorkMarketDispatch" && m.Key.StartsWith($"workmarket-dispatch:{id}:resync:")).ToListAsync());
        var resync = rows.ShouldHaveSingleItem();

        await DispatchAsync(resync);

        AssignmentsOf(number).ShouldHaveSingleItem().Status.ShouldBe("sent");
        (await GetAsync(id)).WorkMarket!.Status.ShouldBe("Sent");

        // A second re-sync is a second row (unique key per attempt).
        (await dispatcher.PostAsync($"/api/v1/work-orders/{id}/workmarket/resync", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await Factory.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Key.StartsWith($"workmarket-dispatch:{id}:resync:")))).ShouldBe(2);
    }

    [Fact]
    public async Task Resync_IsRefused_ToOtherRoles_AndForWorkNotRoutedToWorkMarket()
    {
        var (id, _, _) = await SentToWorkMarketAsync();
        foreach (var role in new[] { "ProjectManager", "TeamManager", "AccountsReceivable", "Technician", "Ops" })
        {
            var client = await Factory.SessionAsync(role);
            await (await client.PostAsync($"/api/v1/work-orders/{id}/workmarket/resync", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }

        await (await Factory.Anonymous().PostAsync($"/api/v1/work-orders/{id}/workmarket/resync", null)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        var dispatcher = await Factory.SessionAsync("Dispatcher");
        var customer = await Make.CustomerAsync(dispatcher);
        var site = await (await dispatcher.PostJsonAsync($"/api/v1/customers/{customer.Id}/sites", new { name = Unique.Name("Depot") }))
            .ShouldBeAsync<IdOnly>(HttpStatusCode.Created);
        var notRouted = await (await dispatcher.PostJsonAsync("/api/v1/work-orders", new
        {
            customerId = customer.Id, siteId = site.Id, title = "Local job", serviceRequested = "Inspect", category = "Service", source = "Phone",
        })).ShouldBeAsync<IdOnly>(HttpStatusCode.Created);
        var conflict = await (await dispatcher.PostAsync($"/api/v1/work-orders/{notRouted.Id}/workmarket/resync", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        conflict.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("not routed to WorkMarket");

        var admin = await Factory.SessionAsync("Admin");
        (await admin.PostAsync($"/api/v1/work-orders/{id}/workmarket/resync", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    private async Task<JsonElement> PostWebhookAsync(object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Webhook)
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WorkMarketApiFactory.WebhookHeader, WorkMarketApiFactory.WebhookSecret);
        return await (await Factory.Anonymous().SendAsync(request)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
    }

    private async Task<ReconciliationResult> ReconcileAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkMarketReconciler>().RunAsync(CancellationToken.None);
    }

    private Task<long> CursorAsync() =>
        Factory.WithDbAsync(db => db.Set<WorkMarketCursor>().Where(c => c.Name == WorkMarketCursor.ListUpdated).Select(c => c.Value).SingleAsync());

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not hold within 10 s.");
            }

            await Task.Delay(50);
        }
    }
}
