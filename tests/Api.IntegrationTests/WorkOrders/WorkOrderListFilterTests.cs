namespace WorkOrders.Api.IntegrationTests.WorkOrderTests;

/// <summary>GET /work-orders: every filter on its own and combined, free text, sort. Each test works on a
/// customer (or provider, team) of its own, so the shared database of the class never leaks into the answer.</summary>
public abstract class WorkOrderListFilterTests(ApiFactory factory)
{
    [Fact]
    public async Task ByCustomer_ListsExactlyThatCustomersWork()
    {
        var client = await factory.SessionAsync("Dispatcher");
        var (a, siteA) = await Wo.CustomerWithSiteAsync(client);
        var (b, siteB) = await Wo.CustomerWithSiteAsync(client);
        var ofA = new[] { await Wo.CreateAsync(client, a.Id, siteA.Id), await Wo.CreateAsync(client, a.Id, siteA.Id, source: "Phone") };
        await Wo.CreateAsync(client, b.Id, siteB.Id);

        var page = await Wo.ListAsync(client, $"customerId={a.Id}");

        page.Items.Select(w => w.Id).ShouldBe(ofA.Select(w => w.Id), ignoreOrder: true);
        page.Items.ShouldAllBe(w => w.CustomerName == a.Name);
        page.NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task ByStatus_OneOrRepeated()
    {
        var (client, customer, site, provider) = await ScenarioAsync();
        var draft = await Wo.CreateAsync(client, customer.Id, site.Id);
        var published = await Wo.CreateAsync(client, customer.Id, site.Id, source: "Email");
        var assigned = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), "Assigned", provider.Id);
        var waiting = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), "WaitingParts", provider.Id);
        var completed = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), "Completed", provider.Id);
        var c = $"customerId={customer.Id}";

        (await Wo.ListIdsAsync(client, $"{c}&status=Draft")).ShouldBe([draft.Id]);
        (await Wo.ListIdsAsync(client, $"{c}&status=Published")).ShouldBe([published.Id]);
        (await Wo.ListIdsAsync(client, $"{c}&status=WaitingParts")).ShouldBe([waiting.Id]);
        (await Wo.ListIdsAsync(client, $"{c}&status=Published&status=Assigned")).ShouldBe([published.Id, assigned.Id], ignoreOrder: true);
        (await Wo.ListIdsAsync(client, $"{c}&status=Draft&status=Completed&status=Draft")).ShouldBe([draft.Id, completed.Id], ignoreOrder: true);
        (await Wo.ListIdsAsync(client, $"{c}&status=Cancelled")).ShouldBeEmpty();
        (await Wo.ListAsync(client, $"{c}&status=Completed")).Items.ShouldHaveSingleItem().Status.ShouldBe("Completed");
    }

    [Fact]
    public async Task ByRouting()
    {
        var (client, customer, site, provider) = await ScenarioAsync();
        var admin = await factory.SessionAsync("Admin");
        var team = await Wo.TeamAsync(admin, provider.Id);
        var unassigned = await Wo.CreateAsync(client, customer.Id, site.Id, source: "Phone");
        var toProvider = await Wo.TransitionAsync(client, (await Wo.CreateAsync(client, customer.Id, site.Id, source: "Phone")).Id, "Assign", providerId: provider.Id);
        var toTeam = await Wo.TransitionAsync(client, (await Wo.CreateAsync(client, customer.Id, site.Id, source: "Phone")).Id, "Assign", teamId: team.Id);
        var toMarket = await Wo.TransitionAsync(client, (await Wo.CreateAsync(client, customer.Id, site.Id, source: "Phone")).Id, "Assign", toWorkMarket: true);
        var c = $"customerId={customer.Id}";

        (await Wo.ListIdsAsync(client, $"{c}&routing=Unassigned")).ShouldBe([unassigned.Id]);
        (await Wo.ListIdsAsync(client, $"{c}&routing=Provider")).ShouldBe([toProvider.Id]);
        (await Wo.ListIdsAsync(client, $"{c}&routing=Team")).ShouldBe([toTeam.Id]);
        (await Wo.ListIdsAsync(client, $"{c}&routing=WorkMarket")).ShouldBe([toMarket.Id]);
    }

    [Fact]
    public async Task ByProvider_AndByTeam_AcrossCustomers()
    {
        var (client, customer, site, provider) = await ScenarioAsync();
        var admin = await factory.SessionAsync("Admin");
        var otherProvider = await Wo.ProviderAsync(admin);
        var team = await Wo.TeamAsync(admin, provider.Id, otherProvider.Id);
        var (other, otherSite) = await Wo.CustomerWithSiteAsync(client);
        var mine1 = await Wo.TransitionAsync(client, (await Wo.CreateAsync(client, customer.Id, site.Id, source: "Phone")).Id, "Assign", providerId: provider.Id);
        var mine2 = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, other.Id, otherSite.Id), "InProgress", provider.Id);
        await Wo.TransitionAsync(client, (await Wo.CreateAsync(client, customer.Id, site.Id, source: "Phone")).Id, "Assign", providerId: otherProvider.Id);
        var teamWork = await Wo.TransitionAsync(client, (await Wo.CreateAsync(client, other.Id, otherSite.Id, source: "Phone")).Id, "Assign", teamId: team.Id);

        (await Wo.ListIdsAsync(client, $"providerId={provider.Id}")).ShouldBe([mine1.Id, mine2.Id], ignoreOrder: true);
        (await Wo.ListIdsAsync(client, $"providerId={provider.Id}&customerId={other.Id}")).ShouldBe([mine2.Id]);
        (await Wo.ListIdsAsync(client, $"teamId={team.Id}")).ShouldBe([teamWork.Id]);
        (await Wo.ListIdsAsync(client, $"providerId={Guid.NewGuid()}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task ByInvoiceStatus_AndByPaymentApproval()
    {
        var (client, customer, site, provider) = await ScenarioAsync();
        var done = new List<WoDetail>();
        for (var i = 0; i < 4; i++)
        {
            done.Add(await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), "Completed", provider.Id));
        }

        var open = await Wo.CreateAsync(client, customer.Id, site.Id);
        var ar = await factory.SessionAsync("AccountsReceivable");
        var pm = await factory.SessionAsync("ProjectManager");
        await BulkAsync(ar, new { action = "MarkInvoiced", ids = new[] { done[0].Id } });
        await BulkAsync(ar, new { action = "MarkInvoiceNotRequired", ids = new[] { done[1].Id } });
        await BulkAsync(pm, new { action = "ApprovePayment", ids = new[] { done[1].Id, done[2].Id } });
        var c = $"customerId={customer.Id}";

        (await Wo.ListIdsAsync(client, $"{c}&invoiceStatus=Yes")).ShouldBe([done[0].Id]);
        (await Wo.ListIdsAsync(client, $"{c}&invoiceStatus=NotRequired")).ShouldBe([done[1].Id]);
        (await Wo.ListIdsAsync(client, $"{c}&invoiceStatus=No")).ShouldBe([done[2].Id, done[3].Id, open.Id], ignoreOrder: true);
        (await Wo.ListIdsAsync(client, $"{c}&paymentApproved=true")).ShouldBe([done[1].Id, done[2].Id], ignoreOrder: true);
        (await Wo.ListIdsAsync(client, $"{c}&paymentApproved=false")).ShouldBe([done[0].Id, done[3].Id, open.Id], ignoreOrder: true);
        (await Wo.ListAsync(client, $"{c}&paymentApproved=true&invoiceStatus=NotRequired")).Items.ShouldHaveSingleItem()
            .ShouldSatisfyAllConditions(w => w.Id.ShouldBe(done[1].Id), w => w.PaymentApproved.ShouldBeTrue(), w => w.InvoiceStatus.ShouldBe("NotRequired"));
    }

    [Fact]
    public async Task BySource()
    {
        var (client, customer, site, _) = await ScenarioAsync();
        var office = await Wo.CreateAsync(client, customer.Id, site.Id);
        var email = await Wo.CreateAsync(client, customer.Id, site.Id, source: "Email");
        var phone = await Wo.CreateAsync(client, customer.Id, site.Id, source: "Phone");
        var evt = await (await Wo.PostAsync(client, "/api/v1/events", new { kind = "SpecialRead", customerId = customer.Id, siteId = site.Id }))
            .ShouldBeAsync<WoDetail>(HttpStatusCode.Created);
        var partner = await Wo.CreateAsync(await factory.PartnerAsync(customer.Id), customer.Id, site.Id);
        var tech = await Wo.CreateAsync((await Wo.TechnicianAsync(factory)).Client, customer.Id, site.Id);
        var c = $"customerId={customer.Id}";

        (await Wo.ListIdsAsync(client, $"{c}&source=Office")).ShouldBe([office.Id]);
        (await Wo.ListIdsAsync(client, $"{c}&source=Email")).ShouldBe([email.Id]);
        (await Wo.ListIdsAsync(client, $"{c}&source=Phone")).ShouldBe([phone.Id]);
        (await Wo.ListIdsAsync(client, $"{c}&source=Event")).ShouldBe([evt.Id]);
        (await Wo.ListIdsAsync(client, $"{c}&source=Partner")).ShouldBe([partner.Id]);
        (await Wo.ListIdsAsync(client, $"{c}&source=Technician")).ShouldBe([tech.Id]);
        (await Wo.ListIdsAsync(client, $"{c}&source=CustomerPortal")).ShouldBeEmpty();
    }

    [Fact]
    public async Task ByCategory()
    {
        var (client, customer, site, _) = await ScenarioAsync();
        var service = await Wo.CreateAsync(client, customer.Id, site.Id, category: "Service");
        var meter = await Wo.CreateAsync(client, customer.Id, site.Id, category: "MeterInvestigation");
        var reconnection = await (await Wo.PostAsync(client, "/api/v1/events", new { kind = "MoveIn", customerId = customer.Id, siteId = site.Id }))
            .ShouldBeAsync<WoDetail>(HttpStatusCode.Created);
        var c = $"customerId={customer.Id}";

        (await Wo.ListIdsAsync(client, $"{c}&category=Service")).ShouldBe([service.Id]);
        (await Wo.ListIdsAsync(client, $"{c}&category=MeterInvestigation")).ShouldBe([meter.Id]);
        (await Wo.ListIdsAsync(client, $"{c}&category=Reconnection")).ShouldBe([reconnection.Id]);
        (await Wo.ListIdsAsync(client, $"{c}&category=Disconnection")).ShouldBeEmpty();
    }

    [Fact]
    public async Task ByCreatedRange_BoundsIncluded()
    {
        var (client, customer, site, _) = await ScenarioAsync();
        var first = await Wo.CreateAsync(client, customer.Id, site.Id);
        var second = await Wo.CreateAsync(client, customer.Id, site.Id);
        var third = await Wo.CreateAsync(client, customer.Id, site.Id);
        first.CreatedAt.ShouldBeLessThan(second.CreatedAt);
        second.CreatedAt.ShouldBeLessThan(third.CreatedAt);
        var c = $"customerId={customer.Id}";

        (await Wo.ListIdsAsync(client, $"{c}&createdFrom={Wo.Iso(second.CreatedAt)}")).ShouldBe([second.Id, third.Id], ignoreOrder: true);
        (await Wo.ListIdsAsync(client, $"{c}&createdTo={Wo.Iso(second.CreatedAt)}")).ShouldBe([first.Id, second.Id], ignoreOrder: true);
        (await Wo.ListIdsAsync(client, $"{c}&createdFrom={Wo.Iso(second.CreatedAt)}&createdTo={Wo.Iso(second.CreatedAt)}")).ShouldBe([second.Id]);
        (await Wo.ListIdsAsync(client, $"{c}&createdFrom={Wo.Iso(third.CreatedAt.AddDays(1))}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task ByScheduledRange_BoundsIncluded_UnscheduledWorkOutsideAnyRange()
    {
        var (client, customer, site, _) = await ScenarioAsync();
        var day = new DateTime(2032, 2, 10, 9, 0, 0, DateTimeKind.Utc);
        var early = await Wo.CreateAsync(client, customer.Id, site.Id, scheduledStart: day);
        var middle = await Wo.CreateAsync(client, customer.Id, site.Id, scheduledStart: day.AddDays(1));
        var late = await Wo.CreateAsync(client, customer.Id, site.Id, scheduledStart: day.AddDays(2));
        await Wo.CreateAsync(client, customer.Id, site.Id);
        var c = $"customerId={customer.Id}";

        (await Wo.ListIdsAsync(client, $"{c}&scheduledFrom={Wo.Iso(day.AddDays(1))}")).ShouldBe([middle.Id, late.Id], ignoreOrder: true);
        (await Wo.ListIdsAsync(client, $"{c}&scheduledTo={Wo.Iso(day.AddDays(1))}")).ShouldBe([early.Id, middle.Id], ignoreOrder: true);
        (await Wo.ListIdsAsync(client, $"{c}&scheduledFrom={Wo.Iso(day.AddHours(1))}&scheduledTo={Wo.Iso(day.AddDays(2).AddHours(-1))}")).ShouldBe([middle.Id]);
    }

    [Fact]
    public async Task Text_ByNumber_WithOrWithoutThePrefix()
    {
        var (client, customer, site, _) = await ScenarioAsync();
        var target = await Wo.CreateAsync(client, customer.Id, site.Id, title: "Pump noise");
        await Wo.CreateAsync(client, customer.Id, site.Id, title: "Pump vibration");
        var c = $"customerId={customer.Id}";
        var digits = target.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

        (await Wo.ListIdsAsync(client, $"{c}&q={Uri.EscapeDataString(target.DisplayNumber)}")).ShouldBe([target.Id]);
        (await Wo.ListIdsAsync(client, $"{c}&q={Uri.EscapeDataString(target.DisplayNumber.ToLowerInvariant())}")).ShouldBe([target.Id]);
        var byDigits = await Wo.ListAsync(client, $"{c}&q={digits}");
        byDigits.Items.Select(w => w.Id).ShouldContain(target.Id);
        byDigits.Items.ShouldAllBe(w => w.DisplayNumber.Contains(digits) || w.Title.Contains(digits));

        // Across all customers the full number finds exactly one work order.
        (await Wo.ListIdsAsync(client, $"q={Uri.EscapeDataString(target.DisplayNumber)}")).ShouldBe([target.Id]);
    }

    [Fact]
    public async Task Text_ByAnyPartOfTitleServiceOrRequester_CaseInsensitive()
    {
        var (client, customer, site, _) = await ScenarioAsync();
        var tag = Unique.Suffix();
        var byTitle = await Wo.CreateAsync(client, customer.Id, site.Id, title: $"Leaking Valve {tag} north");
        var byService = await Wo.CreateAsync(client, customer.Id, site.Id, serviceRequested: $"Please check the BOILER {tag}");
        var byRequester = await Wo.CreateAsync(client, customer.Id, site.Id, source: "Email",
            requester: new { name = $"Quentin {tag}", email = "quentin@example.com" });
        await Wo.CreateAsync(client, customer.Id, site.Id, title: "Unrelated");

        (await Wo.ListIdsAsync(client, $"q={Uri.EscapeDataString($"leaking VALVE {tag.ToUpperInvariant()}")}")).ShouldBe([byTitle.Id]);
        (await Wo.ListIdsAsync(client, $"q={Uri.EscapeDataString($"boiler {tag}")}")).ShouldBe([byService.Id]);
        (await Wo.ListIdsAsync(client, $"q={Uri.EscapeDataString($"QUENTIN {tag}")}")).ShouldBe([byRequester.Id]);
        (await Wo.ListIdsAsync(client, $"q={tag}")).ShouldBe([byTitle.Id, byService.Id, byRequester.Id], ignoreOrder: true);
        (await Wo.ListIdsAsync(client, $"q={tag}&customerId={customer.Id}&source=Email")).ShouldBe([byRequester.Id]);
    }

    [Fact]
    public async Task Filters_Combine()
    {
        var (client, customer, site, provider) = await ScenarioAsync();
        var phoneAssigned = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id, source: "Phone", category: "Maintenance"), "Assigned", provider.Id);
        await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id, source: "Email", category: "Maintenance"), "Assigned", provider.Id);
        await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id, source: "Phone", category: "Service"), "Assigned", provider.Id);
        await Wo.CreateAsync(client, customer.Id, site.Id, source: "Phone", category: "Maintenance");

        var ids = await Wo.ListIdsAsync(client,
            $"customerId={customer.Id}&status=Assigned&routing=Provider&providerId={provider.Id}&source=Phone&category=Maintenance&invoiceStatus=No&paymentApproved=false");

        ids.ShouldBe([phoneAssigned.Id]);
    }

    [Fact]
    public async Task Sort_NewestByDefault_Oldest_AndScheduled_UnscheduledLast()
    {
        var (client, customer, site, _) = await ScenarioAsync();
        var day = new DateTime(2033, 1, 5, 9, 0, 0, DateTimeKind.Utc);
        var a = await Wo.CreateAsync(client, customer.Id, site.Id, scheduledStart: day.AddDays(3));
        var b = await Wo.CreateAsync(client, customer.Id, site.Id);
        var c = await Wo.CreateAsync(client, customer.Id, site.Id, scheduledStart: day.AddDays(1));
        var d = await Wo.CreateAsync(client, customer.Id, site.Id, scheduledStart: day.AddDays(1));
        var e = await Wo.CreateAsync(client, customer.Id, site.Id);
        var q = $"customerId={customer.Id}";

        (await Wo.ListIdsAsync(client, q)).ShouldBe([e.Id, d.Id, c.Id, b.Id, a.Id]);
        (await Wo.ListIdsAsync(client, $"{q}&sort=Newest")).ShouldBe([e.Id, d.Id, c.Id, b.Id, a.Id]);
        (await Wo.ListIdsAsync(client, $"{q}&sort=Oldest")).ShouldBe([a.Id, b.Id, c.Id, d.Id, e.Id]);
        (await Wo.ListIdsAsync(client, $"{q}&sort=Scheduled")).ShouldBe([c.Id, d.Id, a.Id, b.Id, e.Id]);
    }

    [Fact]
    public async Task BadFilters_Are400()
    {
        var client = await factory.SessionAsync("Dispatcher");
        var now = DateTime.UtcNow;

        await (await client.GetAsync($"/api/v1/work-orders?createdFrom={Wo.Iso(now)}&createdTo={Wo.Iso(now.AddDays(-1))}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync($"/api/v1/work-orders?scheduledFrom={Wo.Iso(now)}&scheduledTo={Wo.Iso(now.AddDays(-1))}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/v1/work-orders?status=Exploded")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/v1/work-orders?limit=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/v1/work-orders?cursor=not-a-cursor")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    private async Task<(HttpClient Client, Customer Customer, Site Site, ProviderRow Provider)> ScenarioAsync()
    {
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await Wo.CustomerWithSiteAsync(client);
        var provider = await Wo.ProviderAsync(await factory.SessionAsync("Admin"), "ExternalTechnician");
        return (client, customer, site, provider);
    }

    private static async Task BulkAsync(HttpClient client, object body)
    {
        var response = await client.PostJsonAsync("/api/v1/work-orders/bulk", body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        text.ShouldContain("\"failed\":0", Case.Sensitive, text);
    }
}

public sealed class WorkOrderListFilterTestsOnSqlite(SqliteApiFactory factory) : WorkOrderListFilterTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class WorkOrderListFilterTestsOnPostgres(PostgresApiFactory factory) : WorkOrderListFilterTests(factory), IClassFixture<PostgresApiFactory>;
