namespace WorkOrders.Api.IntegrationTests.Billing;

/// <summary>Who may do what in time and billing: technicians run timers; office staff run timers and enter
/// time; assessors (office staff, accounts receivable) set billed hours and read the billing data; accounts
/// receivable (and Admin) record purchases. Everyone else gets a 403 ProblemDetails, and nothing changes.</summary>
public abstract class BillingRoleTests(BillingApiFactory factory)
{
    [Fact]
    public async Task RolesWithoutTheRight_Get403_AndNothingChanges()
    {
        var s = await BillingScenario.CreateAsync(factory);
        var open = await s.WorkOrderAsync("InProgress");
        var completed = await s.WorkOrderAsync("Completed");
        var tech = s.Technician.Client;
        var receivable = s.Receivable;
        var ops = await factory.SessionAsync("Ops");
        var partner = (await factory.CreatePartnerKeyAsync(s.Customer.Id)).Client;
        var before = await factory.FingerprintAsync();

        (string Who, Task<HttpResponseMessage> Call)[] refused =
        [
            ("technician sets billed hours", BillingApi.BillAsync(tech, completed.Id, 2m)),
            ("technician buys credit hours", BillingApi.PurchaseAsync(tech, s.Customer.Id, 5m)),
            ("technician reads the bank", tech.GetAsync($"/api/v1/customers/{s.Customer.Id}/credit-hours")),
            ("technician reads the progress report", tech.GetAsync($"/api/v1/work-orders/{open.Id}/progress")),
            ("technician enters time afterwards", BillingApi.AddEntryAsync(tech, open.Id, s.Now.AddHours(-2), s.Now.AddHours(-1))),
            ("dispatcher buys credit hours", BillingApi.PurchaseAsync(s.Dispatcher, s.Customer.Id, 5m)),
            ("accounts receivable runs a timer", BillingApi.StartAsync(receivable, open.Id)),
            ("accounts receivable enters time", BillingApi.AddEntryAsync(receivable, open.Id, s.Now.AddHours(-2), s.Now.AddHours(-1))),
            ("ops reads time entries", ops.GetAsync($"/api/v1/work-orders/{open.Id}/time-entries")),
            ("ops sets billed hours", BillingApi.BillAsync(ops, completed.Id, 2m)),
            ("partner runs a timer", BillingApi.StartAsync(partner, open.Id)),
            ("partner reads time entries", partner.GetAsync($"/api/v1/work-orders/{open.Id}/time-entries")),
            ("partner reads the bank", partner.GetAsync($"/api/v1/customers/{s.Customer.Id}/credit-hours")),
            ("partner reads the progress report", partner.GetAsync($"/api/v1/work-orders/{open.Id}/progress")),
            ("partner sets billed hours", BillingApi.BillAsync(partner, completed.Id, 2m)),
        ];

        foreach (var (who, call) in refused)
        {
            var response = await call;
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, who);
            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }

        (await factory.FingerprintAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Anonymous_Gets401()
    {
        var s = await BillingScenario.CreateAsync(factory);
        var open = await s.WorkOrderAsync("InProgress");
        var anonymous = factory.Anonymous();

        await (await anonymous.GetAsync($"/api/v1/work-orders/{open.Id}/time-entries")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync($"/api/v1/customers/{s.Customer.Id}/credit-hours")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheRolesWithTheRight_AreServed()
    {
        var s = await BillingScenario.CreateAsync(factory);
        var open = await s.WorkOrderAsync("InProgress");
        var completed = await s.WorkOrderAsync("Completed");
        var admin = await factory.SessionAsync("Admin");
        var projectManager = await factory.SessionAsync("ProjectManager");
        var teamManager = await factory.SessionAsync("TeamManager");

        (await BillingApi.StartAsync(projectManager, open.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BillingApi.AddEntryAsync(teamManager, open.Id, s.Now.AddHours(-2), s.Now.AddHours(-1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await BillingApi.EntriesAsync(s.Receivable, open.Id)).Count.ShouldBe(2);
        (await BillingApi.PurchaseAsync(admin, s.Customer.Id, 5m)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await BillingApi.BillAsync(projectManager, completed.Id, 2m)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BillingApi.BillAsync(admin, completed.Id, 3m)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BillingApi.LedgerAsync(teamManager, s.Customer.Id)).Balance.ShouldBe(2m);
        (await BillingApi.ProgressAsync(s.Receivable, completed.Id)).BilledHours.ShouldBe(3m);
    }
}

public sealed class BillingRoleTestsOnSqlite(SqliteBillingFactory factory) : BillingRoleTests(factory), IClassFixture<SqliteBillingFactory>;

public sealed class BillingRoleTestsOnPostgres(PostgresBillingFactory factory) : BillingRoleTests(factory), IClassFixture<PostgresBillingFactory>;
