using WorkOrders.Api.IntegrationTests.Security;

namespace WorkOrders.Api.IntegrationTests.Validation;

/// <summary>Every POST/PUT body with invalid fields answers 400 ValidationProblemDetails whose <c>errors</c> keys
/// are the camelCase JSON paths of the fields, creates nothing, and reveals no internals.</summary>
public abstract class BodyValidationTests(ApiFactory factory)
{
    private static readonly string Long201 = new('x', 201);
    private static readonly ContactBody GoodContact = new("Pat Primary", "pat@example.com", "+1 555 0100");

    /// <summary>The invalid bodies: case name (<c>OperationId_What</c>) → (body, expected error keys). Method, path,
    /// If-Match and the sample come from the operation's row in <see cref="AccessMatrix"/>.</summary>
    private static readonly Dictionary<string, InvalidBody> Cases = new List<InvalidBody>
    {
        new("CreateCustomer_EmptyName", _ => new { name = "", contact = GoodContact }, ["name"]),
        new("CreateCustomer_BlankName", _ => new { name = "   ", contact = GoodContact }, ["name"]),
        new("CreateCustomer_NameTooLong", _ => new { name = Long201, contact = GoodContact }, ["name"]),
        new("CreateCustomer_NoContact", _ => new { name = "No contact" }, ["contact"]),
        new("CreateCustomer_SeveralFields", _ => new
        {
            name = "",
            description = new string('d', 2001),
            billingAddress = new AddressBody("1 Main St", "Springfield", "IL", new string('9', 21), "US"),
            contact = GoodContact with { Email = "not-an-email" },
        }, ["name", "description", "billingAddress.postalCode", "contact.email"]),
        new("CreateCustomer_ContactFields", _ => new { name = "Contact fields", contact = new ContactBody("", "", "call me maybe") },
            ["contact.name", "contact.email", "contact.phone"]),
        new("CreateCustomer_AddressFields", _ => new
        {
            name = "Address fields",
            billingAddress = new AddressBody(new string('s', 201), Long201, Long201, "1", Long201),
            contact = GoodContact,
        }, ["billingAddress.street", "billingAddress.city", "billingAddress.region", "billingAddress.country"]),
        new("UpdateCustomer_SeveralFields", _ => new
        {
            name = "",
            billingAddress = new AddressBody(null, Long201, null, null, null),
            contact = GoodContact with { Email = "a@b" },
        }, ["name", "billingAddress.city", "contact.email"]),
        new("UpdateCustomer_NoContact", _ => new { name = "Still named" }, ["contact"]),
        new("DeactivateCustomer_ReasonTooLong", _ => new { reason = new string('r', 501) }, ["reason"]),
        new("CreateSite_SeveralFields", _ => new
        {
            name = "",
            address = new AddressBody(null, null, null, new string('9', 21), null),
            contact = GoodContact with { Email = "site at example.com" },
        }, ["name", "address.postalCode", "contact.email"]),
        new("DeactivateSite_ReasonTooLong", _ => new { reason = new string('r', 501) }, ["reason"]),
        new("CreateContract_Empty", _ => new { }, ["number", "name", "startDate"]),
        new("CreateContract_EndBeforeStart", _ => new { number = "C-1", name = "Backwards", startDate = "2026-05-01", endDate = "2026-04-30" }, ["endDate"]),
        new("CreateContract_TooLong", _ => new { number = new string('9', 51), name = Long201, startDate = "2026-05-01" }, ["number", "name"]),
        new("CancelContract_ReasonTooLong", _ => new { reason = new string('r', 501) }, ["reason"]),
        new("CreateAsset_Empty", _ => new { }, ["siteId", "name"]),
        new("CreateAsset_TooLong", s => new { siteId = s.SiteId, name = Long201, model = Long201, serialNumber = new string('9', 101) },
            ["name", "model", "serialNumber"], Needs.Site),
        new("CreateAsset_SiteOfNoOne", _ => new { siteId = Guid.NewGuid(), name = "Meter" }, ["siteId"]),
        new("CreateWorkOrder_Empty", _ => new { }, ["customerId", "siteId", "title", "serviceRequested"]),
        new("CreateWorkOrder_SeveralFields", s => new
        {
            customerId = s.CustomerId,
            siteId = s.SiteId,
            title = Long201,
            serviceRequested = "Fix it",
            category = "Service",
            scheduledStart = "2026-05-02T08:00:00Z",
            scheduledEnd = "2026-05-01T08:00:00Z",
            source = "Event",
            requester = new { name = "", email = "not-an-email" },
        }, ["title", "scheduledEnd", "source", "requester.name", "requester.email"]),
        new("CreateWorkOrder_SiteOfAnotherCustomer", s => new { customerId = s.CustomerId, siteId = Guid.NewGuid(), title = "T", serviceRequested = "S" }, ["siteId"]),
        new("UpdateWorkOrder_Empty", _ => new { }, ["title", "serviceRequested"]),
        new("UpdateWorkOrder_TooLong", _ => new { title = Long201, serviceRequested = new string('s', 4001), instructions = new string('i', 4001), materials = new string('m', 4001) },
            ["title", "serviceRequested", "instructions", "materials"]),
        new("TransitionWorkOrder_AssignWithoutTarget", _ => new { action = "Assign" }, ["action"]),
        new("TransitionWorkOrder_TargetWithoutAssign", _ => new { action = "Publish", providerId = Guid.NewGuid() }, ["action"]),
        new("TransitionWorkOrder_ReasonTooLong", _ => new { action = "Cancel", reason = new string('r', 4001) }, ["reason"]),
        new("AddLineItem_OutOfRange", _ => new { description = "", estimatedLabourHours = -1, partsCost = -0.01, hourlyRate = 100_001 },
            ["description", "estimatedLabourHours", "partsCost", "hourlyRate"]),
        new("UpdateLineItem_OutOfRange", _ => new { description = new string('d', 1001), estimatedLabourHours = 10_001, partsCost = 0, hourlyRate = -5 },
            ["description", "estimatedLabourHours", "hourlyRate"]),
        new("BulkWorkOrders_NoIds", _ => new { action = "Publish", ids = Array.Empty<Guid>() }, ["ids"]),
        new("BulkWorkOrders_AssignWithoutProvider", s => new { action = "AssignProvider", ids = new[] { s.WorkOrderId } }, ["providerId"], Needs.WorkOrder),
        new("BulkWorkOrders_TargetOfAnotherAction", s => new { action = "Publish", ids = new[] { s.WorkOrderId }, teamId = Guid.NewGuid(), reason = new string('r', 501) },
            ["teamId", "reason"], Needs.WorkOrder),
        new("AddComment_Empty", _ => new { text = "" }, ["text"]),
        new("AddComment_TooLong", _ => new { text = new string('t', 4001) }, ["text"]),
        new("AddTask_Empty", _ => new { title = " " }, ["title"]),
        new("AddTimeEntry_Empty", _ => new { }, ["startedAt", "endedAt"]),
        new("AddTimeEntry_SeveralFields", _ => new
        {
            startedAt = DateTime.UtcNow.AddHours(-1).ToString("O"),
            endedAt = DateTime.UtcNow.AddHours(-2).ToString("O"),
            note = new string('n', 1001),
            userId = new string('u', 129),
        }, ["endedAt", "note", "userId"]),
        new("AddTimeEntry_EndsInTheFuture", _ => new { startedAt = DateTime.UtcNow.AddHours(-1).ToString("O"), endedAt = DateTime.UtcNow.AddHours(1).ToString("O") }, ["endedAt"]),
        new("SetBilledHours_OutOfRange", _ => new { hours = -1, note = new string('n', 1001) }, ["hours", "note"]),
        new("SetBilledHours_TooPrecise", _ => new { hours = 1.234 }, ["hours"]),
        new("PurchaseCreditHours_SeveralFields", _ => new { hours = 0, note = new string('n', 1001), reference = new string('r', 101) }, ["hours", "note", "reference"]),
        new("CreateEventWorkOrder_Empty", _ => new { }, ["customerId", "siteId"]),
        new("CreateEventWorkOrder_TooLong", s => new { kind = "MoveOut", customerId = s.CustomerId, siteId = s.SiteId, reference = new string('r', 101), notes = new string('n', 4001) },
            ["reference", "notes"], Needs.Site),
        new("CreateServiceProvider_SeveralFields", _ => new { name = "", email = "not-an-email", phone = new string('5', 51), kind = "ExternalTechnician" },
            ["name", "email", "phone"]),
        new("UpdateServiceProvider_SeveralFields", _ => new { name = Long201, email = "", kind = "PartnerCompany" }, ["name", "email"]),
        new("CreateServiceProviderTeam_Empty", _ => new { name = "" }, ["name"]),
        new("CreateServiceProviderTeam_UnknownMember", _ => new { name = "Team", memberIds = new[] { Guid.NewGuid() } }, ["memberIds"]),
        new("CreateUser_SeveralFields", _ => new { email = "not-an-email", displayName = Long201, password = "Sh0rt!", roles = Array.Empty<string>() },
            ["email", "displayName", "password", "roles"]),
        new("CreateApiKey_Empty", _ => new { name = "", customerIds = Array.Empty<Guid>() }, ["name", "customerIds"]),
        new("CreateApiKey_UnknownCustomer", _ => new { name = "Unknown", customerIds = new[] { Guid.NewGuid() } }, ["customerIds"]),
        new("Login_Empty", _ => new { email = "", password = "" }, ["email", "password"]),
        new("CreatePortalLink_SeveralFields", _ => new { view = "Estimate", recipientEmail = "not-an-email", message = new string('m', 2001), expiresInHours = 0 },
            ["recipientEmail", "message", "expiresInHours"]),
        new("CreatePortalLink_UnknownView", _ => new { view = "Everything" }, ["view"]),
    }.ToDictionary(c => c.Name);

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task InvalidBody_Is400_WithTheFieldsAsCamelCaseJsonPaths_AndCreatesNothing(string caseName)
    {
        var invalid = Cases[caseName];
        var operation = AccessMatrix.Get(invalid.OperationId);
        var sample = await factory.SampleAsync(operation.Needs | invalid.Needs);
        var client = operation.IsPublic ? factory.Anonymous() : await factory.SessionAsync("Admin");
        var before = await factory.FingerprintAsync();

        var response = await client.SendJsonAsync(new HttpMethod(operation.Method), sample.Resolve(operation.Path), invalid.Body(sample),
            operation.IfMatch is null ? null : $"\"{operation.IfMatch(sample)}\"");

        var problem = await response.ShouldBeValidationProblemAsync(invalid.Keys);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        (await factory.FingerprintAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task CreateCustomer_IgnoresServerOwnedFields_InTheBody()
    {
        var client = await factory.SessionAsync("Dispatcher");
        var id = Guid.NewGuid();
        var response = await client.PostJsonAsync("/api/v1/customers", new
        {
            id,
            name = Unique.Name("Mass assignment"),
            status = "Deactivated",
            version = 99,
            createdAt = "2000-01-01T00:00:00Z",
            deactivationReason = "set by client",
            contact = GoodContact,
        });

        var customer = await response.ShouldBeAsync<Customer>(HttpStatusCode.Created);
        customer.Id.ShouldNotBe(id);
        customer.Status.ShouldBe("Active");
        customer.Version.ShouldBe(1);
        customer.DeactivationReason.ShouldBeNull();
    }

    [Fact]
    public async Task TheCustomerOfASubResource_IsTheOneInThePath_NotInTheBody()
    {
        var client = await factory.SessionAsync("Dispatcher");
        var a = await factory.SampleAsync(Needs.Site);
        var b = await factory.SampleAsync(Needs.Site);

        var asset = await (await client.PostJsonAsync($"/api/v1/customers/{a.CustomerId}/assets", new { customerId = b.CustomerId, siteId = a.SiteId, name = "Meter" }))
            .ShouldBeAsync<Asset>(HttpStatusCode.Created);
        asset.CustomerId.ShouldBe(a.CustomerId);
        var site = await (await client.PostJsonAsync($"/api/v1/customers/{a.CustomerId}/sites", new { customerId = b.CustomerId, name = "Depot" }))
            .ShouldBeAsync<Site>(HttpStatusCode.Created);
        site.CustomerId.ShouldBe(a.CustomerId);

        // An update names its customer by path too: the other customer is untouched.
        var other = await (await client.GetAsync($"/api/v1/customers/{b.CustomerId}")).ShouldBeAsync<Customer>(HttpStatusCode.OK);
        (await client.PutJsonAsync($"/api/v1/customers/{a.CustomerId}", new { id = b.CustomerId, name = Unique.Name("Renamed"), contact = GoodContact }, $"\"{a.CustomerVersion}\""))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await client.GetAsync($"/api/v1/customers/{b.CustomerId}")).ShouldBeAsync<Customer>(HttpStatusCode.OK)).ShouldBe(other);
    }

    [Fact]
    public void EveryPostAndPutOfTheMatrix_HasAnInvalidBodyCase()
    {
        var covered = Cases.Values.Select(c => c.OperationId).ToHashSet();
        var withBody = AccessMatrix.Operations.Where(o => o.Body is not null).Select(o => o.OperationId);
        withBody.Where(id => !covered.Contains(id)).ShouldBeEmpty("operations with a body and no invalid-body case here");
    }

    private sealed record InvalidBody(string Name, Func<Sample, object> Body, string[] Keys, Needs Needs = Needs.None)
    {
        public string OperationId => Name.Split('_')[0];
    }
}

public sealed class BodyValidationTestsOnSqlite(SqliteApiFactory factory) : BodyValidationTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class BodyValidationTestsOnPostgres(PostgresApiFactory factory) : BodyValidationTests(factory), IClassFixture<PostgresApiFactory>;
