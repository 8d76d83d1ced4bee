namespace WorkOrders.Api.IntegrationTests.WorkOrderTests;

/// <summary>The open-work queue (mine=true) and what a technician may see and do.</summary>
public abstract class WorkOrderQueueTests(ApiFactory factory)
{
    /// <summary>A technician user, the provider that is that user, a team with it, another provider, and a customer.</summary>
    private sealed record Scenario(StaffUser Technician, ProviderRow Me, TeamRow MyTeam, ProviderRow Other, HttpClient Dispatcher, Customer Customer, Site Site);

    [Fact]
    public async Task Mine_ForATechnician_IsItsOpenAssignedWork_ItsTeamsWork_AndNewUnassignedWork()
    {
        var s = await ScenarioAsync();
        var d = s.Dispatcher;
        var assigned = await Wo.MoveToAsync(d, await New(s), "Assigned", s.Me.Id);
        var inProgress = await Wo.MoveToAsync(d, await New(s), "InProgress", s.Me.Id);
        var waiting = await Wo.MoveToAsync(d, await New(s), "WaitingOnCustomer", s.Me.Id);
        var teamWork = await Wo.TransitionAsync(d, (await New(s, "Phone")).Id, "Assign", teamId: s.MyTeam.Id);
        var newUnassigned = await New(s, "Email");
        var completed = await Wo.MoveToAsync(d, await New(s), "Completed", s.Me.Id);
        var someoneElses = await Wo.MoveToAsync(d, await New(s), "Assigned", s.Other.Id);
        var draft = await New(s);
        var cancelledNew = await Wo.MoveToAsync(d, await New(s, "Phone"), "Cancelled", s.Me.Id);
        var onWorkMarket = await Wo.TransitionAsync(d, (await New(s, "Phone")).Id, "Assign", toWorkMarket: true);

        var queue = await Wo.ListIdsAsync(s.Technician.Client, $"mine=true&customerId={s.Customer.Id}");

        queue.ShouldContain(assigned.Id);
        queue.ShouldContain(teamWork.Id);
        queue.ShouldContain(newUnassigned.Id, "new (Published) unassigned work is in the open queue of every technician (PRODUCT.md, issue 4)");
        queue.ShouldBe([assigned.Id, inProgress.Id, waiting.Id, teamWork.Id, newUnassigned.Id], ignoreOrder: true);
        queue.ShouldNotContain(completed.Id);
        queue.ShouldNotContain(someoneElses.Id);
        queue.ShouldNotContain(draft.Id);
        queue.ShouldNotContain(cancelledNew.Id);
        queue.ShouldNotContain(onWorkMarket.Id);
    }

    [Fact]
    public async Task Mine_ForOfficeStaffWhoAreNoProvider_IsTheNewUnassignedWork()
    {
        var s = await ScenarioAsync();
        var d = s.Dispatcher;
        var newUnassigned = await New(s, "Phone");
        await Wo.MoveToAsync(d, await New(s), "Assigned", s.Me.Id);
        await New(s);

        (await Wo.ListIdsAsync(d, $"mine=true&customerId={s.Customer.Id}")).ShouldBe([newUnassigned.Id]);
    }

    [Fact]
    public async Task ARestrictedTechnician_ReadsItsOwnWork_AndGets404ForAnotherTechniciansWork()
    {
        var s = await ScenarioAsync();
        var d = s.Dispatcher;
        var own = await Wo.MoveToAsync(d, await New(s), "Assigned", s.Me.Id);
        var viaTeam = await Wo.TransitionAsync(d, (await New(s, "Phone")).Id, "Assign", teamId: s.MyTeam.Id);
        var others = await Wo.MoveToAsync(d, await New(s), "Assigned", s.Other.Id);
        var tech = s.Technician.Client;

        (await Wo.GetAsync(tech, own.Id)).Id.ShouldBe(own.Id);
        (await Wo.GetAsync(tech, viaTeam.Id)).Id.ShouldBe(viaTeam.Id);
        await (await tech.GetAsync($"/api/v1/work-orders/{others.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await tech.GetAsync($"/api/v1/work-orders/{others.Id}/comments")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Wo.PostTransitionAsync(tech, others.Id, new { action = "Start" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await Wo.GetAsync(d, others.Id)).Status.ShouldBe("Assigned");

        var listed = await Wo.ListIdsAsync(tech, $"customerId={s.Customer.Id}");
        listed.ShouldBe([own.Id, viaTeam.Id], ignoreOrder: true);
    }

    [Fact]
    public async Task ATechnician_RunsItsOwnWork_ButMayNotCancelUnassignOrReassign()
    {
        var s = await ScenarioAsync();
        var d = s.Dispatcher;
        var own = await Wo.MoveToAsync(d, await New(s), "Assigned", s.Me.Id);
        var tech = s.Technician.Client;

        (await Wo.TransitionAsync(tech, own.Id, "Start")).Status.ShouldBe("InProgress");
        (await Wo.TransitionAsync(tech, own.Id, "WaitForParts", reason: "Seal on order")).Status.ShouldBe("WaitingParts");
        (await Wo.TransitionAsync(tech, own.Id, "Resume")).Status.ShouldBe("InProgress");
        await (await Wo.PostTransitionAsync(tech, own.Id, new { action = "Cancel", reason = "bored" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await Wo.PostTransitionAsync(tech, own.Id, new { action = "Assign", providerId = s.Other.Id })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var done = await Wo.TransitionAsync(tech, own.Id, "Complete", reason: "Fixed");
        done.Status.ShouldBe("Completed");
        done.History.Last().ChangedBy.ShouldBe(s.Technician.Id);

        var comment = await (await tech.PostJsonAsync($"/api/v1/work-orders/{own.Id}/comments", new { text = "Left a note" })).ShouldBeAsync<WoComment>(HttpStatusCode.Created);
        comment.AuthorId.ShouldBe(s.Technician.Id);
    }

    private async Task<Scenario> ScenarioAsync()
    {
        var admin = await factory.SessionAsync("Admin");
        var technician = await Wo.TechnicianAsync(factory);
        var me = await Wo.ProviderAsync(admin, "InternalTechnician", technician.Id, "Tess (internal)");
        me.UserId.ShouldBe(technician.Id);
        var colleague = await Wo.ProviderAsync(admin, "InternalTechnician");
        var team = await Wo.TeamAsync(admin, me.Id, colleague.Id);
        var other = await Wo.ProviderAsync(admin, "ExternalTechnician");
        var dispatcher = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await Wo.CustomerWithSiteAsync(dispatcher);
        return new Scenario(technician, me, team, other, dispatcher, customer, site);
    }

    private static Task<WoDetail> New(Scenario s, string source = "Office") => Wo.CreateAsync(s.Dispatcher, s.Customer.Id, s.Site.Id, source: source);
}

public sealed class WorkOrderQueueTestsOnSqlite(SqliteApiFactory factory) : WorkOrderQueueTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class WorkOrderQueueTestsOnPostgres(PostgresApiFactory factory) : WorkOrderQueueTests(factory), IClassFixture<PostgresApiFactory>;
