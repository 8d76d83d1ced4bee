using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace WorkOrders.Api.IntegrationTests.WorkOrderTests;

/// <summary>Intake from every source (office, e-mail, phone, technician, partner, events), numbering, and the
/// rules on who may open work for which customer and site.</summary>
public abstract class WorkOrderIntakeTests(ApiFactory factory)
{
    [Fact]
    public async Task OfficeStaff_CreateADraft_ByDefault_WithLocationETagAndTheirDetails()
    {
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await Wo.CustomerWithSiteAsync(client);
        var contract = await Make.ContractAsync(client, customer.Id);
        var scheduled = new DateTime(2031, 3, 1, 9, 0, 0, DateTimeKind.Utc);

        var response = await Wo.PostAsync(client, "/api/v1/work-orders",
            Wo.Body(customer.Id, site.Id, "Leaking valve", category: "MeterInvestigation", scheduledStart: scheduled, contractId: contract.Id));

        var created = await response.ShouldBeAsync<WoDetail>(HttpStatusCode.Created);
        created.Status.ShouldBe("Draft");
        created.Source.ShouldBe("Office");
        created.Title.ShouldBe("Leaking valve");
        created.Category.ShouldBe("MeterInvestigation");
        created.CustomerId.ShouldBe(customer.Id);
        created.CustomerName.ShouldBe(customer.Name);
        created.SiteId.ShouldBe(site.Id);
        created.SiteName.ShouldBe(site.Name);
        created.ContractId.ShouldBe(contract.Id);
        created.ScheduledStart.ShouldBe(scheduled);
        created.ScheduledEnd.ShouldBe(scheduled.AddHours(2));
        created.Routing.ShouldBe("Unassigned");
        created.InvoiceStatus.ShouldBe("No");
        created.RequesterName.ShouldBeNull();
        created.AllowedActions.ShouldBe(["Publish", "Cancel"], ignoreOrder: true);
        created.DisplayNumber.ShouldBe($"WO-{created.Number:D6}");
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/work-orders/{created.Id}");
        response.Headers.ETag!.Tag.ShouldBe($"\"{created.Version}\"");

        var history = created.History.ShouldHaveSingleItem();
        history.From.ShouldBeNull();
        history.To.ShouldBe("Draft");
        history.Action.ShouldBe("Create");
        history.ChangedBy.ShouldBe(await Wo.MyIdAsync(client));

        (await Wo.GetAsync(client, created.Id)).ShouldBeEquivalentTo(created);
    }

    [Theory]
    [InlineData("Office", "Draft")]
    [InlineData("Email", "Published")]
    [InlineData("Phone", "Published")]
    public async Task OfficeStaff_RecordTheSourceAndTheRequester_EmailAndPhoneStartPublished(string source, string status)
    {
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await Wo.CustomerWithSiteAsync(client);

        var created = await Wo.CreateAsync(client, customer.Id, site.Id, source: source, requester: new { name = "Rita Requester", email = "rita@example.com" });

        created.Source.ShouldBe(source);
        created.Status.ShouldBe(status);
        created.RequesterName.ShouldBe("Rita Requester");
        created.RequesterEmail.ShouldBe("rita@example.com");
        created.History.ShouldHaveSingleItem().To.ShouldBe(status);
    }

    [Theory]
    [InlineData("CustomerPortal")]
    [InlineData("Event")]
    [InlineData("Partner")]
    public async Task OfficeStaff_CannotClaimTheSourcesOfOtherChannels(string source)
    {
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await Wo.CustomerWithSiteAsync(client);
        var before = await factory.FingerprintAsync();

        var response = await Wo.PostAsync(client, "/api/v1/work-orders", Wo.Body(customer.Id, site.Id, source: source));

        await response.ShouldBeValidationProblemAsync("source");
        (await factory.FingerprintAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task ARequesterWithoutAValidEmail_IsA400()
    {
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await Wo.CustomerWithSiteAsync(client);

        var response = await Wo.PostAsync(client, "/api/v1/work-orders",
            Wo.Body(customer.Id, site.Id, source: "Email", requester: new { name = "Rita", email = "not-an-email" }));

        await response.ShouldBeValidationProblemAsync("requester.email");
    }

    [Fact]
    public async Task ATechnicianOnlyUser_OpensMonitoringWork_SourceTechnician_Published_WhateverTheBodySays()
    {
        var dispatcher = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await Wo.CustomerWithSiteAsync(dispatcher);
        var technician = await Wo.TechnicianAsync(factory);

        var created = await Wo.CreateAsync(technician.Client, customer.Id, site.Id, title: "Pressure alarm", source: "Office");

        created.Source.ShouldBe("Technician");
        created.Status.ShouldBe("Published");
        created.History.ShouldHaveSingleItem().ChangedBy.ShouldBe(technician.Id);
        (await Wo.GetAsync(dispatcher, created.Id)).Source.ShouldBe("Technician");
    }

    [Fact]
    public async Task APartner_OpensWorkForItsCustomer_SourcePartner_Published()
    {
        var admin = await factory.SessionAsync("Admin");
        var (customer, site) = await Wo.CustomerWithSiteAsync(admin);
        var partner = await factory.PartnerAsync(customer.Id);

        var created = await Wo.CreateAsync(partner, customer.Id, site.Id, title: "Meter fault");

        created.Source.ShouldBe("Partner");
        created.Status.ShouldBe("Published");
        (await Wo.GetAsync(partner, created.Id)).Id.ShouldBe(created.Id);
    }

    [Theory]
    [InlineData("MoveIn", "Reconnection")]
    [InlineData("MoveOut", "Disconnection")]
    [InlineData("SpecialRead", "SpecialRead")]
    public async Task Events_OpenPublishedWork_OfTheirCategory_ScheduledAtTheEffectiveTime(string kind, string category)
    {
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await Wo.CustomerWithSiteAsync(client);
        var effective = new DateTime(2031, 6, 1, 7, 30, 0, DateTimeKind.Utc);

        var response = await Wo.PostAsync(client, "/api/v1/events",
            new { kind, customerId = customer.Id, siteId = site.Id, effectiveAt = Wo.Iso(effective), reference = "ACC-778", notes = "Tenant change" });

        var created = await response.ShouldBeAsync<WoDetail>(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/work-orders/{created.Id}");
        created.Status.ShouldBe("Published");
        created.Source.ShouldBe("Event");
        created.Category.ShouldBe(category);
        created.ScheduledStart.ShouldBe(effective);
        created.Title.ShouldContain("ACC-778");
        created.ServiceRequested.ShouldBe("Tenant change");
        created.CustomerId.ShouldBe(customer.Id);
        created.SiteId.ShouldBe(site.Id);
    }

    [Fact]
    public async Task Events_FromAPartner_AreAcceptedForItsCustomer_AndAre404ForAnother()
    {
        var admin = await factory.SessionAsync("Admin");
        var (a, siteA) = await Wo.CustomerWithSiteAsync(admin);
        var (b, siteB) = await Wo.CustomerWithSiteAsync(admin);
        var partner = await factory.PartnerAsync(a.Id);

        var ok = await (await Wo.PostAsync(partner, "/api/v1/events", new { kind = "MoveOut", customerId = a.Id, siteId = siteA.Id }))
            .ShouldBeAsync<WoDetail>(HttpStatusCode.Created);
        ok.Category.ShouldBe("Disconnection");
        ok.Source.ShouldBe("Event");

        await (await Wo.PostAsync(partner, "/api/v1/events", new { kind = "MoveOut", customerId = b.Id, siteId = siteB.Id }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await factory.WithDbAsync(db => db.WorkOrders.CountAsync(w => w.CustomerId == b.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Numbers_AreUniqueAndSequential_WO000001Style()
    {
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await Wo.CustomerWithSiteAsync(client);

        var created = new List<WoDetail>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(i % 2 == 0
                ? await Wo.CreateAsync(client, customer.Id, site.Id)
                : await (await Wo.PostAsync(client, "/api/v1/events", new { kind = "SpecialRead", customerId = customer.Id, siteId = site.Id }))
                    .ShouldBeAsync<WoDetail>(HttpStatusCode.Created));
        }

        var numbers = created.Select(w => w.Number).ToList();
        numbers.ShouldBe(Enumerable.Range(0, 5).Select(i => numbers[0] + i).ToList());
        numbers[0].ShouldBeGreaterThan(0);
        created.ShouldAllBe(w => w.DisplayNumber == "WO-" + w.Number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Numbers_StayUniqueAndGapless_UnderConcurrentCreates()
    {
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await Wo.CustomerWithSiteAsync(client);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Wo.PostAsync(client, "/api/v1/work-orders", Wo.Body(customer.Id, site.Id, $"Parallel {i}"))));

        var created = new List<WoDetail>();
        foreach (var response in responses)
        {
            created.Add(await response.ShouldBeAsync<WoDetail>(HttpStatusCode.Created));
        }

        var numbers = created.Select(w => w.Number).Order().ToList();
        numbers.Distinct().Count().ShouldBe(10);
        numbers.ShouldBe(Enumerable.Range(0, 10).Select(i => numbers[0] + i).ToList(), "a number taken by a create is never skipped");
    }

    [Fact]
    public async Task ADeactivatedCustomer_GetsNoWork_409_FromAnyChannel()
    {
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await Wo.CustomerWithSiteAsync(client);
        var partner = await factory.PartnerAsync(customer.Id);
        (await client.PostJsonAsync($"/api/v1/customers/{customer.Id}/deactivate", new { reason = "Gone" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await factory.FingerprintAsync();

        var office = await Wo.PostAsync(client, "/api/v1/work-orders", Wo.Body(customer.Id, site.Id));
        (await office.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString().ShouldBe("CustomerMustBeActiveFor");
        var viaPartner = await Wo.PostAsync(partner, "/api/v1/work-orders", Wo.Body(customer.Id, site.Id));
        (await viaPartner.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString().ShouldBe("CustomerMustBeActiveFor");
        var viaEvent = await Wo.PostAsync(client, "/api/v1/events", new { kind = "MoveIn", customerId = customer.Id, siteId = site.Id });
        (await viaEvent.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString().ShouldBe("CustomerMustBeActiveFor");

        (await factory.FingerprintAsync()).ShouldBe(before, "a refused create takes no number and writes nothing");
    }

    [Fact]
    public async Task ADeactivatedSite_OfAnActiveCustomer_GetsNoWork_409()
    {
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await Wo.CustomerWithSiteAsync(client);
        (await client.PostJsonAsync($"/api/v1/sites/{site.Id}/deactivate", new { reason = "Closed" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await Wo.PostAsync(client, "/api/v1/work-orders", Wo.Body(customer.Id, site.Id));

        (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString().ShouldBe("SiteMustBeActiveFor");
        (await factory.WithDbAsync(db => db.WorkOrders.CountAsync(w => w.CustomerId == customer.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task ACancelledContract_CoversNoNewWork_409()
    {
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await Wo.CustomerWithSiteAsync(client);
        var contract = await Make.ContractAsync(client, customer.Id);
        (await client.PostJsonAsync($"/api/v1/contracts/{contract.Id}/cancel", new { reason = "Ended" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await Wo.PostAsync(client, "/api/v1/work-orders", Wo.Body(customer.Id, site.Id, contractId: contract.Id));

        (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString().ShouldBe("ContractMustBeActiveForWork");
    }

    [Fact]
    public async Task ASiteOfAnotherCustomer_IsA400_OnSiteId()
    {
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, _) = await Wo.CustomerWithSiteAsync(client);
        var (_, otherSite) = await Wo.CustomerWithSiteAsync(client);

        var response = await Wo.PostAsync(client, "/api/v1/work-orders", Wo.Body(customer.Id, otherSite.Id));

        await response.ShouldBeValidationProblemAsync("siteId");
    }

    [Fact]
    public async Task Equipment_MustBeAssetsOfTheCustomer()
    {
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await Wo.CustomerWithSiteAsync(client);
        var (other, otherSite) = await Wo.CustomerWithSiteAsync(client);
        var meter = await (await client.PostJsonAsync($"/api/v1/customers/{customer.Id}/assets", new { siteId = site.Id, name = "Meter", serialNumber = "SN-1" }))
            .ShouldBeAsync<Asset>(HttpStatusCode.Created);
        var foreign = await (await client.PostJsonAsync($"/api/v1/customers/{other.Id}/assets", new { siteId = otherSite.Id, name = "Pump" }))
            .ShouldBeAsync<Asset>(HttpStatusCode.Created);
        var body = new { customerId = customer.Id, siteId = site.Id, title = "Service the meter", serviceRequested = "Annual check", category = "Service" };

        var ok = await (await Wo.PostAsync(client, "/api/v1/work-orders", new { body.customerId, body.siteId, body.title, body.serviceRequested, body.category, equipmentIds = new[] { meter.Id } }))
            .ShouldBeAsync<WoDetail>(HttpStatusCode.Created);
        ok.EquipmentIds.ShouldBe([meter.Id]);

        var refused = await Wo.PostAsync(client, "/api/v1/work-orders",
            new { body.customerId, body.siteId, body.title, body.serviceRequested, body.category, equipmentIds = new[] { meter.Id, foreign.Id } });
        await refused.ShouldBeValidationProblemAsync("equipmentIds");
    }

    [Fact]
    public async Task AScheduledWindowEndingBeforeItStarts_IsA400()
    {
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await Wo.CustomerWithSiteAsync(client);
        var start = new DateTime(2031, 3, 1, 9, 0, 0, DateTimeKind.Utc);

        var response = await Wo.PostAsync(client, "/api/v1/work-orders", new
        {
            customerId = customer.Id, siteId = site.Id, title = "Backwards", serviceRequested = "x", category = "Service",
            scheduledStart = Wo.Iso(start), scheduledEnd = Wo.Iso(start.AddHours(-1)),
        });

        await response.ShouldBeValidationProblemAsync("scheduledEnd");
    }

    [Fact]
    public async Task APartnerKeyForCustomerA_CannotCreateForB_NorReadBsWork_NorSeeItInLists()
    {
        var admin = await factory.SessionAsync("Admin");
        var (a, siteA) = await Wo.CustomerWithSiteAsync(admin);
        var (b, siteB) = await Wo.CustomerWithSiteAsync(admin);
        var workOfA = await Wo.CreateAsync(admin, a.Id, siteA.Id, source: "Phone");
        var workOfB = await Wo.CreateAsync(admin, b.Id, siteB.Id, source: "Phone");
        var partner = await factory.PartnerAsync(a.Id);

        var create = await Wo.PostAsync(partner, "/api/v1/work-orders", Wo.Body(b.Id, siteB.Id));
        var problem = await create.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        JsonSerializer.Serialize(problem).ShouldNotContain(b.Name);
        (await factory.WithDbAsync(db => db.WorkOrders.CountAsync(w => w.CustomerId == b.Id))).ShouldBe(1);

        await (await partner.GetAsync($"/api/v1/work-orders/{workOfB.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await partner.GetAsync($"/api/v1/work-orders/{workOfB.Id}/comments")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await partner.GetAsync($"/api/v1/work-orders/{workOfB.Id}/line-items")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await Wo.GetAsync(partner, workOfA.Id)).Id.ShouldBe(workOfA.Id);

        (await Wo.ListIdsAsync(partner, $"customerId={b.Id}")).ShouldBeEmpty();
        (await Wo.ListIdsAsync(partner, $"q={Uri.EscapeDataString(workOfB.DisplayNumber)}")).ShouldBeEmpty();
        var all = await Wo.ListAsync(partner, "limit=200");
        all.Items.ShouldAllBe(w => w.CustomerId == a.Id);
        all.Items.Select(w => w.Id).ShouldContain(workOfA.Id);
    }
}

public sealed class WorkOrderIntakeTestsOnSqlite(SqliteApiFactory factory) : WorkOrderIntakeTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class WorkOrderIntakeTestsOnPostgres(PostgresApiFactory factory) : WorkOrderIntakeTests(factory), IClassFixture<PostgresApiFactory>;
