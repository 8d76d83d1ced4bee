using Microsoft.EntityFrameworkCore;

namespace WorkOrders.Api.IntegrationTests.WorkOrderTests;

/// <summary>POST /work-orders/{id}/transitions through the whole status machine; the history says who, when
/// and why; illegal moves are 409 naming both statuses; If-Match; soft delete.</summary>
public abstract class WorkOrderTransitionTests(ApiFactory factory)
{
    [Fact]
    public async Task TheWholeMachine_DraftToCompleted_EveryStepInTheHistory_WithWhoWhenAndWhy()
    {
        var client = await factory.SessionAsync("Dispatcher");
        var me = await Wo.MyIdAsync(client);
        var admin = await factory.SessionAsync("Admin");
        var provider = await Wo.ProviderAsync(admin, "ExternalTechnician", name: "Field Co");
        var team = await Wo.TeamAsync(admin, provider.Id);
        var (customer, site) = await Wo.CustomerWithSiteAsync(client);
        var created = await Wo.CreateAsync(client, customer.Id, site.Id);
        var before = DateTime.UtcNow.AddSeconds(-1);

        var steps = new (string Action, string? Reason, Guid? Provider, Guid? Team, bool Market, string Expected)[]
        {
            ("Publish", null, null, null, false, "Published"),
            ("Assign", null, provider.Id, null, false, "Assigned"),
            ("Unassign", "Provider declined", null, null, false, "Published"),
            ("Assign", null, null, team.Id, false, "Assigned"),
            ("Assign", null, null, null, true, "Assigned"),
            ("Assign", null, provider.Id, null, false, "Assigned"),
            ("Start", null, null, null, false, "InProgress"),
            ("WaitForParts", "Seal on back-order", null, null, false, "WaitingParts"),
            ("Resume", "Parts arrived", null, null, false, "InProgress"),
            ("WaitForVendor", "Vendor to confirm", null, null, false, "WaitingOnVendor"),
            ("Resume", null, null, null, false, "InProgress"),
            ("WaitForCustomer", "Access needed", null, null, false, "WaitingOnCustomer"),
            ("Resume", "Access granted", null, null, false, "InProgress"),
            ("Complete", "Seal replaced", null, null, false, "Completed"),
        };
        var current = created;
        var version = created.Version;
        foreach (var step in steps)
        {
            current = await Wo.TransitionAsync(client, created.Id, step.Action, step.Reason, step.Provider, step.Team, step.Market);
            current.Status.ShouldBe(step.Expected, $"after {step.Action}");
            current.Version.ShouldBeGreaterThan(version, $"{step.Action} bumps the version");
            version = current.Version;
        }

        var after = DateTime.UtcNow.AddSeconds(1);
        var final = await Wo.GetAsync(client, created.Id);
        final.Status.ShouldBe("Completed");
        final.CompletionNotes.ShouldBe("Seal replaced");
        final.CompletedAt.ShouldNotBeNull();
        final.Routing.ShouldBe("Provider");
        final.ProviderId.ShouldBe(provider.Id);
        final.ProviderName.ShouldBe("Field Co");
        final.AllowedActions.ShouldBeEmpty();
        final.WaitingSince.ShouldBeNull();

        final.History.Count.ShouldBe(steps.Length + 1);
        final.History[0].Action.ShouldBe("Create");
        final.History[0].To.ShouldBe("Draft");
        string? previous = "Draft";
        for (var i = 0; i < steps.Length; i++)
        {
            var entry = final.History[i + 1];
            entry.Action.ShouldBe(steps[i].Action);
            entry.From.ShouldBe(previous);
            entry.To.ShouldBe(steps[i].Expected);
            entry.ChangedBy.ShouldBe(me);
            entry.ChangedByName.ShouldNotBeNullOrWhiteSpace();
            entry.ChangedAt.ShouldBeInRange(before, after);
            if (steps[i].Reason is { } reason)
            {
                entry.Reason.ShouldBe(reason);
            }

            previous = steps[i].Expected;
        }

        final.History.Single(h => h.Action == "Assign" && h.Reason == "Sent to WorkMarket").ShouldNotBeNull();
        final.History.Count(h => h.Action == "Assign" && h.Reason == "Assigned to Field Co").ShouldBe(2);
    }

    [Theory]
    [InlineData("Draft", new[] { "Publish", "Cancel" })]
    [InlineData("Published", new[] { "Assign", "Cancel" })]
    [InlineData("Assigned", new[] { "Assign", "Unassign", "Start", "Complete", "Cancel" })]
    [InlineData("InProgress", new[] { "WaitForParts", "WaitForVendor", "WaitForCustomer", "Complete", "Cancel" })]
    [InlineData("Completed", new string[0])]
    [InlineData("Cancelled", new string[0])]
    public async Task AllowedActions_ShownOnTheWorkOrder_AreThoseOfTheStatusMachine(string status, string[] actions)
    {
        var (client, customer, site, provider) = await ScenarioAsync();

        var workOrder = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), status, provider.Id);

        workOrder.AllowedActions.ShouldBe(actions, ignoreOrder: true);
    }

    [Theory]
    [InlineData("Draft", "Start", "InProgress")]
    [InlineData("Draft", "Assign", "Assigned")]
    [InlineData("Published", "Complete", "Completed")]
    [InlineData("Assigned", "Resume", "InProgress")]
    [InlineData("InProgress", "Publish", "Published")]
    [InlineData("Completed", "Cancel", "Cancelled")]
    [InlineData("Cancelled", "Publish", "Published")]
    public async Task AnIllegalTransition_Is409_NamingCurrentAndRequestedStatus_AndChangesNothing(string status, string action, string requested)
    {
        var (client, customer, site, provider) = await ScenarioAsync();
        var workOrder = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), status, provider.Id);
        object body = action == "Assign" ? new { action, providerId = provider.Id } : new { action };

        var response = await Wo.PostTransitionAsync(client, workOrder.Id, body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("rule").GetString().ShouldBe("WorkOrderTransitionMustBeAllowed");
        problem.GetProperty("currentStatus").GetString().ShouldBe(status);
        problem.GetProperty("requestedStatus").GetString().ShouldBe(requested);
        problem.GetProperty("detail").GetString()!.ShouldContain(status);
        problem.GetProperty("detail").GetString()!.ShouldContain(requested);
        var after = await Wo.GetAsync(client, workOrder.Id);
        after.Status.ShouldBe(status);
        after.Version.ShouldBe(workOrder.Version);
        after.History.Count.ShouldBe(workOrder.History.Count);
    }

    [Fact]
    public async Task ConcurrentCancels_OfOneWorkOrder_ApplyOnce_TheOthersAre409Or412()
    {
        var (client, customer, site, provider) = await ScenarioAsync();
        var workOrder = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), "Assigned", provider.Id);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Wo.PostTransitionAsync(client, workOrder.Id, new { action = "Cancel", reason = $"racer {i}" })));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(1, string.Join(", ", statuses));
        statuses.ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict || s == HttpStatusCode.PreconditionFailed);
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ShouldBeAsync<WoDetail>(HttpStatusCode.OK);
        var after = await Wo.GetAsync(client, workOrder.Id);
        after.Status.ShouldBe("Cancelled");
        after.CancellationReason.ShouldBe(winner.CancellationReason);
        after.History.Count.ShouldBe(workOrder.History.Count + 1);
        after.History.Count(h => h.Action == "Cancel").ShouldBe(1);
    }

    [Fact]
    public async Task Cancel_RecordsTheReason_AndCancelsTheOpenTasks()
    {
        var (client, customer, site, provider) = await ScenarioAsync();
        var workOrder = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), "Assigned", provider.Id);
        foreach (var title in new[] { "Shut the main", "Replace seal" })
        {
            (await client.PostJsonAsync($"/api/v1/work-orders/{workOrder.Id}/tasks", new { title })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var cancelled = await Wo.TransitionAsync(client, workOrder.Id, "Cancel", "Customer withdrew");

        cancelled.Status.ShouldBe("Cancelled");
        cancelled.CancellationReason.ShouldBe("Customer withdrew");
        cancelled.CancelledAt.ShouldNotBeNull();
        cancelled.Tasks.Count.ShouldBe(2);
        cancelled.Tasks.ShouldAllBe(t => t.Status == "Cancelled");
        var last = cancelled.History.Last();
        last.Action.ShouldBe("Cancel");
        last.From.ShouldBe("Assigned");
        last.Reason.ShouldBe("Customer withdrew");
    }

    [Fact]
    public async Task AssigningToAnInactiveProvider_Is409_AndToAnUnknownOne_400()
    {
        var (client, customer, site, _) = await ScenarioAsync();
        var admin = await factory.SessionAsync("Admin");
        var provider = await Wo.ProviderAsync(admin, "PartnerCompany");
        var deactivate = await admin.PutJsonAsync($"/api/v1/service-providers/{provider.Id}",
            new { name = provider.Name, email = provider.Email, kind = provider.Kind, isActive = false }, $"\"{provider.Version}\"");
        (await deactivate.ShouldBeAsync<ProviderRow>(HttpStatusCode.OK)).IsActive.ShouldBeFalse();
        var workOrder = await Wo.CreateAsync(client, customer.Id, site.Id, source: "Phone");

        var inactive = await Wo.PostTransitionAsync(client, workOrder.Id, new { action = "Assign", providerId = provider.Id });
        (await inactive.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString().ShouldBe("ServiceProviderMustBeActive");

        var unknown = await Wo.PostTransitionAsync(client, workOrder.Id, new { action = "Assign", providerId = Guid.NewGuid() });
        await unknown.ShouldBeValidationProblemAsync("providerId");

        var ambiguous = await Wo.PostTransitionAsync(client, workOrder.Id, new { action = "Assign", providerId = provider.Id, toWorkMarket = true });
        await ambiguous.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await Wo.GetAsync(client, workOrder.Id)).Status.ShouldBe("Published");
    }

    [Fact]
    public async Task Update_NeedsIfMatch_CurrentSucceeds_StaleIs412_MissingIs428()
    {
        var (client, customer, site, _) = await ScenarioAsync();
        var workOrder = await Wo.CreateAsync(client, customer.Id, site.Id, title: "Original");
        var body = new { title = "Renamed", serviceRequested = "Replace the pump", category = "Maintenance", instructions = "Call ahead" };
        var url = $"/api/v1/work-orders/{workOrder.Id}";

        var ok = await client.PutJsonAsync(url, body, $"\"{workOrder.Version}\"");
        var updated = await ok.ShouldBeAsync<WoDetail>(HttpStatusCode.OK);
        updated.Title.ShouldBe("Renamed");
        updated.Category.ShouldBe("Maintenance");
        updated.Version.ShouldBeGreaterThan(workOrder.Version);
        ok.Headers.ETag!.Tag.ShouldBe($"\"{updated.Version}\"");

        await (await client.PutJsonAsync(url, body with { title = "Stale write" }, $"\"{workOrder.Version}\"")).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await client.PutJsonAsync(url, body with { title = "Blind write" }, ifMatch: null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);

        var read = await client.GetAsync(url);
        read.Headers.ETag!.Tag.ShouldBe($"\"{updated.Version}\"");
        (await read.ShouldBeAsync<WoDetail>(HttpStatusCode.OK)).Title.ShouldBe("Renamed");
    }

    [Fact]
    public async Task Update_OfACompletedWorkOrder_Is409()
    {
        var (client, customer, site, provider) = await ScenarioAsync();
        var workOrder = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), "Completed", provider.Id);

        var response = await client.PutJsonAsync($"/api/v1/work-orders/{workOrder.Id}",
            new { title = "Too late", serviceRequested = "x", category = "Service" }, $"\"{workOrder.Version}\"");

        (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString().ShouldBe("WorkOrderMustBeOpen");
    }

    [Fact]
    public async Task Transitions_IfMatchIsOptional_ButAStaleOneIs412()
    {
        var (client, customer, site, _) = await ScenarioAsync();
        var workOrder = await Wo.CreateAsync(client, customer.Id, site.Id);

        var withCurrent = await Wo.PostTransitionAsync(client, workOrder.Id, new { action = "Publish" }, $"\"{workOrder.Version}\"");
        var published = await withCurrent.ShouldBeAsync<WoDetail>(HttpStatusCode.OK);
        withCurrent.Headers.ETag!.Tag.ShouldBe($"\"{published.Version}\"");

        var stale = await Wo.PostTransitionAsync(client, workOrder.Id, new { action = "Cancel", reason = "stale tab" }, $"\"{workOrder.Version}\"");
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        (await Wo.GetAsync(client, workOrder.Id)).Status.ShouldBe("Published");

        var without = await Wo.PostTransitionAsync(client, workOrder.Id, new { action = "Cancel", reason = "no header" });
        (await without.ShouldBeAsync<WoDetail>(HttpStatusCode.OK)).Status.ShouldBe("Cancelled");
    }

    [Fact]
    public async Task SoftDelete_HidesFromListsAndReads_KeepsTheRowAndItsHistory_AndASecondDeleteIs404()
    {
        var (client, customer, site, _) = await ScenarioAsync();
        var kept = await Wo.CreateAsync(client, customer.Id, site.Id);
        var deleted = await Wo.CreateAsync(client, customer.Id, site.Id, title: "Delete me " + Unique.Suffix());
        await Wo.TransitionAsync(client, deleted.Id, "Publish");

        (await client.DeleteAsync($"/api/v1/work-orders/{deleted.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await client.GetAsync($"/api/v1/work-orders/{deleted.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await Wo.ListIdsAsync(client, $"customerId={customer.Id}")).ShouldBe([kept.Id]);
        (await Wo.ListIdsAsync(client, $"q={Uri.EscapeDataString(deleted.Title)}")).ShouldBeEmpty();
        (await Wo.ListIdsAsync(client, $"q={deleted.DisplayNumber}")).ShouldBeEmpty();
        await (await Wo.PostTransitionAsync(client, deleted.Id, new { action = "Cancel" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync($"/api/v1/work-orders/{deleted.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var me = await Wo.MyIdAsync(client);
        var (row, history) = await factory.WithDbAsync(async db => (
            await db.WorkOrders.AsNoTracking().SingleAsync(w => w.Id == deleted.Id),
            await db.StatusChanges.CountAsync(h => h.WorkOrderId == deleted.Id)));
        row.IsDeleted.ShouldBeTrue();
        row.DeletedBy.ShouldBe(me);
        row.DeletedAt.ShouldNotBeNull();
        history.ShouldBe(2);
    }

    [Fact]
    public async Task LineItems_AddListAndEdit_AnEditResetsTheApproval_AndBumpsTheRevision()
    {
        var (client, customer, site, provider) = await ScenarioAsync();
        var workOrder = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), "Assigned", provider.Id);
        var url = $"/api/v1/work-orders/{workOrder.Id}/line-items";

        var added = await (await client.PostJsonAsync(url, new { description = "Replace seal", estimatedLabourHours = 2.5m, partsCost = 40m, hourlyRate = 80m }))
            .ShouldBeAsync<WoLineItem>(HttpStatusCode.Created);
        added.ApprovalStatus.ShouldBe("Pending");
        added.Revision.ShouldBe(1);
        added.Total.ShouldBe(240m);

        // The customer approves in the portal; here the decision is recorded through the domain.
        await factory.WithDbAsync(async db =>
        {
            var entity = await db.WorkOrders.Include(w => w.LineItems).SingleAsync(w => w.Id == workOrder.Id);
            entity.DecideLineItem(added.Id, global::WorkOrders.Domain.WorkOrders.ApprovalStatus.Approved, "ok", DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        (await (await client.GetAsync(url)).ShouldBeAsync<List<WoLineItem>>(HttpStatusCode.OK)).Single().ApprovalStatus.ShouldBe("Approved");

        var edited = await (await client.PutJsonAsync($"{url}/{added.Id}",
                new { description = "Replace seal and gasket", estimatedLabourHours = 3m, partsCost = 55m, hourlyRate = 80m }, ifMatch: null))
            .ShouldBeAsync<WoLineItem>(HttpStatusCode.OK);
        edited.ApprovalStatus.ShouldBe("Pending");
        edited.DecidedAt.ShouldBeNull();
        edited.Revision.ShouldBe(2);
        edited.Total.ShouldBe(295m);

        var listed = await (await client.GetAsync(url)).ShouldBeAsync<List<WoLineItem>>(HttpStatusCode.OK);
        listed.ShouldHaveSingleItem().ShouldBe(edited);
        (await Wo.GetAsync(client, workOrder.Id)).LineItems.ShouldHaveSingleItem().ApprovalStatus.ShouldBe("Pending");

        await (await client.PutJsonAsync($"{url}/{Guid.NewGuid()}", new { description = "x", estimatedLabourHours = 1m, partsCost = 0m, hourlyRate = 0m }, null))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync(url, new { description = "x", estimatedLabourHours = -1m, partsCost = 0m, hourlyRate = 0m }))
            .ShouldBeValidationProblemAsync("estimatedLabourHours");
    }

    [Fact]
    public async Task LineItems_OnACompletedWorkOrder_Are409()
    {
        var (client, customer, site, provider) = await ScenarioAsync();
        var workOrder = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), "Completed", provider.Id);

        var response = await client.PostJsonAsync($"/api/v1/work-orders/{workOrder.Id}/line-items",
            new { description = "Late extra", estimatedLabourHours = 1m, partsCost = 0m, hourlyRate = 50m });

        (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString().ShouldBe("WorkOrderMustBeOpen");
    }

    [Fact]
    public async Task Comments_AddAndList_ATeamManagerDeletes_ADispatcherMayNot()
    {
        var (client, customer, site, _) = await ScenarioAsync();
        var workOrder = await Wo.CreateAsync(client, customer.Id, site.Id);
        var url = $"/api/v1/work-orders/{workOrder.Id}/comments";
        var me = await Wo.MyIdAsync(client);

        var first = await (await client.PostJsonAsync(url, new { text = "Customer called twice" })).ShouldBeAsync<WoComment>(HttpStatusCode.Created);
        var second = await (await client.PostJsonAsync(url, new { text = "Rude remark" })).ShouldBeAsync<WoComment>(HttpStatusCode.Created);
        first.AuthorId.ShouldBe(me);
        first.ByCustomer.ShouldBeFalse();
        (await (await client.GetAsync(url)).ShouldBeAsync<List<WoComment>>(HttpStatusCode.OK)).Select(c => c.Text)
            .ShouldBe(["Customer called twice", "Rude remark"]);

        await (await client.DeleteAsync($"/api/v1/comments/{second.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var manager = await factory.SessionAsync("TeamManager");
        (await manager.DeleteAsync($"/api/v1/comments/{second.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await (await client.GetAsync(url)).ShouldBeAsync<List<WoComment>>(HttpStatusCode.OK)).Select(c => c.Id).ShouldBe([first.Id]);
        (await Wo.GetAsync(client, workOrder.Id)).Comments.Select(c => c.Id).ShouldBe([first.Id]);
        await (await manager.DeleteAsync($"/api/v1/comments/{second.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await factory.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == second.Id))).DeletedAt.ShouldNotBeNull();

        await (await client.PostJsonAsync(url, new { text = "" })).ShouldBeValidationProblemAsync("text");
    }

    private async Task<(HttpClient Client, Customer Customer, Site Site, ProviderRow Provider)> ScenarioAsync()
    {
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await Wo.CustomerWithSiteAsync(client);
        var provider = await Wo.ProviderAsync(await factory.SessionAsync("Admin"), "ExternalTechnician");
        return (client, customer, site, provider);
    }
}

public sealed class WorkOrderTransitionTestsOnSqlite(SqliteApiFactory factory) : WorkOrderTransitionTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class WorkOrderTransitionTestsOnPostgres(PostgresApiFactory factory) : WorkOrderTransitionTests(factory), IClassFixture<PostgresApiFactory>;
