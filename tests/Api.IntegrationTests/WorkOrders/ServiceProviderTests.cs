namespace WorkOrders.Api.IntegrationTests.WorkOrderTests;

/// <summary>Service providers (internal technician, external technician, partner company) and teams, as the
/// work-order tests use them.</summary>
public abstract class ServiceProviderTests(ApiFactory factory)
{
    [Theory]
    [InlineData("InternalTechnician", false)]
    [InlineData("ExternalTechnician", true)]
    [InlineData("PartnerCompany", true)]
    public async Task Admin_CreatesEachKind_Active_ThirdPartyUnlessInternal(string kind, bool thirdParty)
    {
        var admin = await factory.SessionAsync("Admin");

        var response = await admin.PostJsonAsync("/api/v1/service-providers", new { name = Unique.Name(kind), email = Unique.Email("sp"), kind });

        var provider = await response.ShouldBeAsync<ProviderRow>(HttpStatusCode.Created);
        provider.Kind.ShouldBe(kind);
        provider.IsActive.ShouldBeTrue();
        provider.IsThirdParty.ShouldBe(thirdParty);
        provider.UserId.ShouldBeNull();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/service-providers/{provider.Id}");
        (await (await admin.GetAsync($"/api/v1/service-providers/{provider.Id}")).ShouldBeAsync<ProviderRow>(HttpStatusCode.OK)).ShouldBe(provider);
    }

    [Fact]
    public async Task AnInternalTechnician_LinksToATechnicianUser_AndAnUnknownUserIs400()
    {
        var admin = await factory.SessionAsync("Admin");
        var technician = await Wo.TechnicianAsync(factory);

        var linked = await Wo.ProviderAsync(admin, "InternalTechnician", technician.Id);
        linked.UserId.ShouldBe(technician.Id);

        var unknown = await admin.PostJsonAsync("/api/v1/service-providers",
            new { name = Unique.Name("Ghost"), email = Unique.Email("ghost"), kind = "InternalTechnician", userId = "no-such-user" });
        await unknown.ShouldBeValidationProblemAsync("userId");
    }

    [Fact]
    public async Task Teams_GroupProviders_AndUnknownMembersAre400()
    {
        var admin = await factory.SessionAsync("Admin");
        var one = await Wo.ProviderAsync(admin, "InternalTechnician");
        var two = await Wo.ProviderAsync(admin, "ExternalTechnician");

        var team = await Wo.TeamAsync(admin, one.Id, two.Id, one.Id);
        team.MemberIds.ShouldBe([one.Id, two.Id], ignoreOrder: true);
        team.IsActive.ShouldBeTrue();
        var dispatcher = await factory.SessionAsync("Dispatcher");
        (await (await dispatcher.GetAsync("/api/v1/service-provider-teams")).ShouldBeAsync<List<TeamRow>>(HttpStatusCode.OK))
            .Single(t => t.Id == team.Id).MemberIds.ShouldBe([one.Id, two.Id], ignoreOrder: true);

        var bad = await admin.PostJsonAsync("/api/v1/service-provider-teams", new { name = Unique.Name("Team"), memberIds = new[] { one.Id, Guid.NewGuid() } });
        await bad.ShouldBeValidationProblemAsync("memberIds");
    }

    [Fact]
    public async Task OnlyAdmin_ManagesProviders_OfficeStaffReadThem()
    {
        var dispatcher = await factory.SessionAsync("Dispatcher");
        var body = new { name = Unique.Name("Sneaky"), email = Unique.Email("sneaky"), kind = "PartnerCompany" };

        await (await dispatcher.PostJsonAsync("/api/v1/service-providers", body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await dispatcher.PostJsonAsync("/api/v1/service-provider-teams", new { name = "Crew", memberIds = Array.Empty<Guid>() }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var admin = await factory.SessionAsync("Admin");
        var provider = await Wo.ProviderAsync(admin, "PartnerCompany", name: "Findable " + Unique.Suffix());
        var found = await (await dispatcher.GetAsync($"/api/v1/service-providers?search={Uri.EscapeDataString(provider.Name.ToUpperInvariant())}&kind=PartnerCompany"))
            .ShouldBeAsync<Page<ProviderRow>>(HttpStatusCode.OK);
        found.Items.Select(p => p.Id).ShouldBe([provider.Id]);
    }

    [Fact]
    public async Task Deactivating_NeedsIfMatch_AndTheInactiveProviderIsFilteredOut()
    {
        var admin = await factory.SessionAsync("Admin");
        var provider = await Wo.ProviderAsync(admin, "ExternalTechnician", name: "Retiring " + Unique.Suffix());
        var url = $"/api/v1/service-providers/{provider.Id}";
        var body = new { name = provider.Name, email = provider.Email, kind = provider.Kind, isActive = false };

        await (await admin.PutJsonAsync(url, body, ifMatch: null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var updated = await (await admin.PutJsonAsync(url, body, $"\"{provider.Version}\"")).ShouldBeAsync<ProviderRow>(HttpStatusCode.OK);
        updated.IsActive.ShouldBeFalse();
        await (await admin.PutJsonAsync(url, body, $"\"{provider.Version}\"")).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var search = Uri.EscapeDataString(provider.Name);
        (await (await admin.GetAsync($"/api/v1/service-providers?search={search}&active=true")).ShouldBeAsync<Page<ProviderRow>>(HttpStatusCode.OK)).Items.ShouldBeEmpty();
        (await (await admin.GetAsync($"/api/v1/service-providers?search={search}&active=false")).ShouldBeAsync<Page<ProviderRow>>(HttpStatusCode.OK))
            .Items.Select(p => p.Id).ShouldBe([provider.Id]);
    }
}

public sealed class ServiceProviderTestsOnSqlite(SqliteApiFactory factory) : ServiceProviderTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class ServiceProviderTestsOnPostgres(PostgresApiFactory factory) : ServiceProviderTests(factory), IClassFixture<PostgresApiFactory>;
