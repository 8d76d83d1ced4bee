using Microsoft.EntityFrameworkCore;

namespace WorkOrders.Api.IntegrationTests.WorkOrderTests;

/// <summary>How work orders show on customers: the five status counts of the customers grid, and the
/// deactivation cascade (dry run, real run, atomic when it fails mid-way).</summary>
public abstract class CustomerWorkOrderTests(ApiFactory factory)
{
    [Fact]
    public async Task CustomersList_CountsTheFiveKeyStatuses_WaitingInInProgress_CancelledAndDeletedNowhere()
    {
        var (client, customer, site, provider) = await ScenarioAsync();
        foreach (var status in new[]
                 {
                     "Draft", "Draft", "Published", "Published", "Published", "Assigned", "InProgress", "WaitingParts", "WaitingOnVendor",
                     "WaitingOnCustomer", "Completed", "Completed", "Cancelled",
                 })
        {
            await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), status, provider.Id);
        }

        var deletedDraft = await Wo.CreateAsync(client, customer.Id, site.Id);
        (await client.DeleteAsync($"/api/v1/work-orders/{deletedDraft.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var deletedCompleted = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), "Completed", provider.Id);
        (await client.DeleteAsync($"/api/v1/work-orders/{deletedCompleted.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // Another customer's work is counted on its own row only.
        var (other, otherSite) = await Wo.CustomerWithSiteAsync(client, "Other " + customer.Name);
        await Wo.CreateAsync(client, other.Id, otherSite.Id);

        var rows = await RowsAsync(client, customer.Name);
        rows.Single(r => r.Id == customer.Id).WorkOrderCounts.ShouldBe(new WoCounts(Draft: 2, Published: 3, Assigned: 1, InProgress: 4, Completed: 2));
        rows.Single(r => r.Id == other.Id).WorkOrderCounts.ShouldBe(new WoCounts(1, 0, 0, 0, 0));
    }

    [Fact]
    public async Task CustomersList_Counts_FollowTransitions()
    {
        var (client, customer, site, provider) = await ScenarioAsync();
        var workOrder = await Wo.CreateAsync(client, customer.Id, site.Id);
        (await RowsAsync(client, customer.Name)).Single().WorkOrderCounts.ShouldBe(new WoCounts(1, 0, 0, 0, 0));

        await Wo.MoveToAsync(client, workOrder, "WaitingOnVendor", provider.Id);
        (await RowsAsync(client, customer.Name)).Single().WorkOrderCounts.ShouldBe(new WoCounts(0, 0, 0, 1, 0));

        await Wo.TransitionAsync(client, workOrder.Id, "Complete");
        (await RowsAsync(client, customer.Name)).Single().WorkOrderCounts.ShouldBe(new WoCounts(0, 0, 0, 0, 1));
    }

    [Fact]
    public async Task Deactivate_DryRun_CountsOpenWorkOrdersAndTheirOpenTasks_AndChangesNothing()
    {
        var (client, customer, site, provider) = await ScenarioAsync();
        await Make.ContractAsync(client, customer.Id);
        var scene = await WorkAsync(client, customer, site, provider);
        var before = await factory.FingerprintAsync();

        var preview = await (await client.PostJsonAsync($"/api/v1/customers/{customer.Id}/deactivate", new { reason = "Contract ended", dryRun = true }))
            .ShouldBeAsync<DeactivationResult>(HttpStatusCode.OK);

        preview.DryRun.ShouldBeTrue();
        var work = preview.Changes.Single(c => c.Kind == "workOrders");
        work.Count.ShouldBe(scene.Open.Length);
        work.Items.Select(i => i.Id).ShouldBe(scene.Open.Select(w => w.Id), ignoreOrder: true);
        work.Change.ShouldContain($"{scene.OpenTasks} open tasks");
        preview.Changes.Single(c => c.Kind == "sites").Count.ShouldBe(1);
        preview.Changes.Single(c => c.Kind == "contracts").Count.ShouldBe(1);

        (await factory.FingerprintAsync()).ShouldBe(before);
        foreach (var open in scene.Open)
        {
            var now = await Wo.GetAsync(client, open.Id);
            now.Status.ShouldBe(open.Status);
            now.Tasks.ShouldAllBe(t => t.Status == "Open");
        }
    }

    [Fact]
    public async Task Deactivate_CancelsOpenWorkOrdersAndTheirOpenTasks_WithTheReason_AndLeavesClosedWorkAlone()
    {
        var (client, customer, site, provider) = await ScenarioAsync();
        var contract = await Make.ContractAsync(client, customer.Id);
        var scene = await WorkAsync(client, customer, site, provider);
        var me = await Wo.MyIdAsync(client);

        var result = await (await client.PostJsonAsync($"/api/v1/customers/{customer.Id}/deactivate", new { reason = "Contract ended" }))
            .ShouldBeAsync<DeactivationResult>(HttpStatusCode.OK);

        result.DryRun.ShouldBeFalse();
        var work = result.Changes.Single(c => c.Kind == "workOrders");
        work.Count.ShouldBe(scene.Open.Length);
        work.Change.ShouldContain($"{scene.OpenTasks} open tasks");
        result.Changes.Single(c => c.Kind == "contracts").Items.Select(i => i.Id).ShouldBe([contract.Id]);

        foreach (var open in scene.Open)
        {
            var now = await Wo.GetAsync(client, open.Id);
            now.Status.ShouldBe("Cancelled");
            now.CancellationReason.ShouldBe("Contract ended");
            now.Tasks.ShouldAllBe(t => t.Status == "Cancelled");
            var last = now.History.Last();
            last.Action.ShouldBe("Cancel");
            last.From.ShouldBe(open.Status);
            last.Reason.ShouldBe("Contract ended");
            last.ChangedBy.ShouldBe(me);
        }

        var completed = await Wo.GetAsync(client, scene.Completed.Id);
        completed.Status.ShouldBe("Completed");
        completed.Tasks.ShouldAllBe(t => t.Status == "Done");
        completed.History.Count.ShouldBe(scene.Completed.History.Count);
        var cancelledBefore = await Wo.GetAsync(client, scene.AlreadyCancelled.Id);
        cancelledBefore.CancellationReason.ShouldBe("Not needed");
        cancelledBefore.History.Count.ShouldBe(scene.AlreadyCancelled.History.Count);

        var deleted = await factory.WithDbAsync(db => db.WorkOrders.AsNoTracking().SingleAsync(w => w.Id == scene.Deleted.Id));
        deleted.Status.ToString().ShouldBe("Draft", "a deleted work order is not touched by the cascade");

        (await RowsAsync(client, customer.Name)).Single().WorkOrderCounts.ShouldBe(new WoCounts(0, 0, 0, 0, 1));
    }

    [Fact]
    public async Task Deactivate_IsAtomic_WhenTheWorkOrderUpdateFailsMidway_Is500_AndNothingChanges()
    {
        var (client, customer, site, provider) = await ScenarioAsync();
        var contract = await Make.ContractAsync(client, customer.Id);
        var scene = await WorkAsync(client, customer, site, provider);
        var trigger = "wo_boom_" + Unique.Suffix();
        await CreateFailingTriggerAsync(trigger, customer.Id);
        try
        {
            var before = await factory.FingerprintAsync();

            var response = await client.PostJsonAsync($"/api/v1/customers/{customer.Id}/deactivate", new { reason = "Contract ended" });

            var body = await response.Content.ReadAsStringAsync();
            await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError);
            ProblemAssertions.ShouldNotLeakInternals(body);
            body.ShouldNotContain("boom", Case.Insensitive);
            body.ShouldNotContain(trigger, Case.Insensitive);

            (await factory.FingerprintAsync()).ShouldBe(before);
            var now = await (await client.GetAsync($"/api/v1/customers/{customer.Id}")).ShouldBeAsync<Customer>(HttpStatusCode.OK);
            now.Status.ShouldBe("Active");
            now.DeactivationReason.ShouldBeNull();
            var sites = await (await client.GetAsync($"/api/v1/customers/{customer.Id}/sites")).ShouldBeAsync<Page<Site>>(HttpStatusCode.OK);
            sites.Items.Single().Status.ShouldBe("Active");
            var contracts = await (await client.GetAsync($"/api/v1/customers/{customer.Id}/contracts")).ShouldBeAsync<Page<Contract>>(HttpStatusCode.OK);
            contracts.Items.Single(c => c.Id == contract.Id).Status.ShouldBe("Active");
            foreach (var open in scene.Open)
            {
                var wo = await Wo.GetAsync(client, open.Id);
                wo.Status.ShouldBe(open.Status);
                wo.History.Count.ShouldBe(open.History.Count);
                wo.Tasks.ShouldAllBe(t => t.Status == "Open");
            }
        }
        finally
        {
            await DropTriggerAsync(trigger);
        }

        // Once the fault is gone the same request goes through.
        (await client.PostJsonAsync($"/api/v1/customers/{customer.Id}/deactivate", new { reason = "Contract ended" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Wo.GetAsync(client, scene.Open[0].Id)).Status.ShouldBe("Cancelled");
    }

    private sealed record Scene(WoDetail[] Open, int OpenTasks, WoDetail Completed, WoDetail AlreadyCancelled, WoDetail Deleted);

    /// <summary>Open work in four statuses with tasks, plus completed, cancelled and deleted work that the cascade must leave alone.</summary>
    private static async Task<Scene> WorkAsync(HttpClient client, Customer customer, Site site, ProviderRow provider)
    {
        var draft = await Wo.CreateAsync(client, customer.Id, site.Id);
        var published = await Wo.CreateAsync(client, customer.Id, site.Id, source: "Phone");
        var assigned = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), "Assigned", provider.Id);
        var waiting = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), "WaitingParts", provider.Id);
        await AddTasksAsync(client, draft.Id, 2);
        await AddTasksAsync(client, assigned.Id, 1);
        await AddTasksAsync(client, waiting.Id, 3);

        var completed = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), "InProgress", provider.Id);
        await AddTasksAsync(client, completed.Id, 1);
        completed = await Wo.TransitionAsync(client, completed.Id, "Complete", "Done");
        var cancelled = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), "Cancelled", provider.Id);
        var deleted = await Wo.CreateAsync(client, customer.Id, site.Id);
        await AddTasksAsync(client, deleted.Id, 1);
        (await client.DeleteAsync($"/api/v1/work-orders/{deleted.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var open = new List<WoDetail>();
        foreach (var id in new[] { draft.Id, published.Id, assigned.Id, waiting.Id })
        {
            open.Add(await Wo.GetAsync(client, id));
        }

        return new Scene([.. open], 6, completed, cancelled, deleted);
    }

    private static async Task AddTasksAsync(HttpClient client, Guid workOrderId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            (await client.PostJsonAsync($"/api/v1/work-orders/{workOrderId}/tasks", new { title = $"Step {i + 1}" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
    }

    /// <summary>Makes the database refuse any UPDATE of this customer's work orders (after the customer, its sites
    /// and contracts were already changed in the same transaction).</summary>
    private Task<int> CreateFailingTriggerAsync(string name, Guid customerId)
    {
        var id = customerId.ToString("D").ToUpperInvariant();
        string[] statements = factory.Provider == TestProvider.Postgres
            ?
            [
                "CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'boom: refused by test trigger'; END $$;",
                "CREATE TRIGGER " + name + " BEFORE UPDATE ON \"WorkOrders\" FOR EACH ROW WHEN (upper(OLD.\"CustomerId\"::text) = '" + id + "') EXECUTE FUNCTION " + name + "();",
            ]
            :
            [
                "CREATE TRIGGER " + name + " BEFORE UPDATE ON \"WorkOrders\" WHEN upper(OLD.\"CustomerId\") = '" + id + "' BEGIN SELECT RAISE(ABORT, 'boom: refused by test trigger'); END;",
            ];
        return factory.WithDbAsync(async db =>
        {
            foreach (var sql in statements)
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }

            return 0;
        });
    }

    private Task<int> DropTriggerAsync(string name)
    {
        string[] statements = factory.Provider == TestProvider.Postgres
            ? ["DROP TRIGGER IF EXISTS " + name + " ON \"WorkOrders\";", "DROP FUNCTION IF EXISTS " + name + "();"]
            : ["DROP TRIGGER IF EXISTS " + name + ";"];
        return factory.WithDbAsync(async db =>
        {
            foreach (var sql in statements)
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }

            return 0;
        });
    }

    private async Task<(HttpClient Client, Customer Customer, Site Site, ProviderRow Provider)> ScenarioAsync()
    {
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await Wo.CustomerWithSiteAsync(client, "Counted " + Unique.Suffix());
        var provider = await Wo.ProviderAsync(await factory.SessionAsync("Admin"), "ExternalTechnician");
        return (client, customer, site, provider);
    }

    private static async Task<List<CustomerCountsRow>> RowsAsync(HttpClient client, string search) =>
        (await (await client.GetAsync($"/api/v1/customers?search={Uri.EscapeDataString(search)}&limit=200"))
            .ShouldBeAsync<Page<CustomerCountsRow>>(HttpStatusCode.OK)).Items;
}

public sealed class CustomerWorkOrderTestsOnSqlite(SqliteApiFactory factory) : CustomerWorkOrderTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class CustomerWorkOrderTestsOnPostgres(PostgresApiFactory factory) : CustomerWorkOrderTests(factory), IClassFixture<PostgresApiFactory>;
