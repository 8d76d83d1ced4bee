namespace WorkOrders.Api.IntegrationTests.Validation;

/// <summary>Requests the API cannot even read — broken JSON, wrong types, wrong media types, missing bodies,
/// ids that are not ids — answer a 4xx ProblemDetails (never a 500, never internals) and create nothing.</summary>
public abstract class MalformedRequestTests(ApiFactory factory)
{
    private const string Contact = """{"name":"Pat","email":"pat@example.com"}""";

    /// <summary>Bodies that are not a valid JSON document of the expected shape: case → (path, raw body).</summary>
    private static readonly Dictionary<string, (string Path, string Body)> BrokenJson = new()
    {
        ["Truncated"] = ("/api/v1/customers", """{"name":"Truncated","contact":{"name":"Pat","email":"pat@ex"""),
        ["NotJsonAtAll"] = ("/api/v1/customers", "name=Plain&contact=nobody"),
        ["TrailingComma"] = ("/api/v1/customers", $$"""{"name":"Comma","contact":{{Contact}},}"""),
        ["SingleQuotes"] = ("/api/v1/customers", "{'name':'Quotes'}"),
        ["NumberForAString"] = ("/api/v1/customers", $$"""{"name":5,"contact":{{Contact}}}"""),
        ["BooleanForAString"] = ("/api/v1/customers", $$"""{"name":true,"contact":{{Contact}}}"""),
        ["StringForAnObject"] = ("/api/v1/customers", """{"name":"Object","contact":"pat@example.com"}"""),
        ["NumberForANestedString"] = ("/api/v1/customers", """{"name":"Nested","contact":{"name":"Pat","email":5}}"""),
        ["ArrayForAnObject"] = ("/api/v1/customers", """[{"name":"Array"}]"""),
        ["NotADate"] = ("/api/v1/customers/{customer}/contracts", """{"number":"C-1","name":"Dates","startDate":"next tuesday"}"""),
        ["ImpossibleDate"] = ("/api/v1/customers/{customer}/contracts", """{"number":"C-1","name":"Dates","startDate":"2026-02-30"}"""),
        ["NotAGuid"] = ("/api/v1/customers/{customer}/assets", """{"siteId":"not-a-guid","name":"Meter"}"""),
        ["StringForABoolean"] = ("/api/v1/customers/{customer}/deactivate", """{"dryRun":"yes"}"""),
        ["NumberForABoolean"] = ("/api/v1/customers/{customer}/deactivate", """{"dryRun":1}"""),
        ["StringForAnArray"] = ("/api/v1/api-keys", """{"name":"Key","customerIds":"all"}"""),
        ["NumberForAStringArray"] = ("/api/v1/users", """{"email":"x@tests.local","password":"Test-Passw0rd!","roles":[1]}"""),
        ["NullLiteral"] = ("/api/v1/customers", "null"),
        ["DeeplyNested"] = ("/api/v1/customers", $$"""{"name":"Deep","contact":{{Contact}},"extra":{{new string('[', 5000) + new string(']', 5000)}}}"""),
        ["InvalidUtf8Escape"] = ("/api/v1/customers", """{"name":"\uD800","contact":{"name":"Pat","email":"pat@example.com"}}"""),
    };

    public static TheoryData<string> BrokenJsonCases() => new(BrokenJson.Keys);

    [Theory]
    [MemberData(nameof(BrokenJsonCases))]
    public async Task BrokenJson_Is400_ProblemDetails_AndCreatesNothing(string caseName)
    {
        var (path, body) = BrokenJson[caseName];
        var client = await factory.SessionAsync("Admin");
        var customer = await Make.CustomerAsync(client);
        var before = await factory.FingerprintAsync();

        var response = await client.SendRawAsync(HttpMethod.Post, path.Replace("{customer}", customer.Id.ToString(), StringComparison.Ordinal), body);

        (await response.ShouldBeClientErrorProblemAsync()).GetProperty("status").GetInt32().ShouldBe(400);
        (await factory.FingerprintAsync()).ShouldBe(before);
    }

    /// <summary>The errors map names fields as the client wrote them — camelCase JSON paths, as validation errors
    /// do (<c>name</c>, <c>contact.email</c>) — also when a value has the wrong type, so a client maps both the same way.</summary>
    [Theory]
    [InlineData("""{"name":5,"contact":{"name":"Pat","email":"pat@example.com"}}""", "name")]
    [InlineData("""{"name":"Typed","contact":{"name":"Pat","email":5}}""", "contact.email")]
    [InlineData("""{"name":"Typed","billingAddress":{"postalCode":62701},"contact":{"name":"Pat","email":"pat@example.com"}}""", "billingAddress.postalCode")]
    public async Task WrongType_IsKeyedByTheFieldsCamelCasePath_LikeAValidationError(string body, string key)
    {
        var client = await factory.SessionAsync("Admin");

        var response = await client.SendRawAsync(HttpMethod.Post, "/api/v1/customers", body);

        await response.ShouldBeValidationProblemAsync(key);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task WrongContentType_Is4xx_ProblemDetails_AndCreatesNothing(string contentType)
    {
        var client = await factory.SessionAsync("Admin");
        var before = await factory.FingerprintAsync();

        var response = await client.SendRawAsync(HttpMethod.Post, "/api/v1/customers", $$"""{"name":"{{Unique.Name("Typed")}}","contact":{{Contact}}}""", contentType);

        await response.ShouldBeClientErrorProblemAsync();
        (await factory.FingerprintAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("POST", "/api/v1/customers", "application/json")]
    [InlineData("POST", "/api/v1/customers", null)]
    [InlineData("POST", "/api/v1/customers/{customer}/sites", "application/json")]
    [InlineData("POST", "/api/v1/customers/{customer}/contracts", "application/json")]
    [InlineData("POST", "/api/v1/customers/{customer}/assets", "application/json")]
    [InlineData("PUT", "/api/v1/customers/{customer}", "application/json")]
    [InlineData("POST", "/api/v1/users", "application/json")]
    [InlineData("POST", "/api/v1/api-keys", "application/json")]
    public async Task EmptyBody_WhereOneIsNeeded_Is400_ProblemDetails_AndCreatesNothing(string method, string path, string? contentType)
    {
        var client = await factory.SessionAsync("Admin");
        var customer = await Make.CustomerAsync(client);
        var before = await factory.FingerprintAsync();

        var response = await client.SendRawAsync(new HttpMethod(method), path.Replace("{customer}", customer.Id.ToString(), StringComparison.Ordinal),
            contentType is null ? null : string.Empty, contentType, ifMatch: $"\"{customer.Version}\"");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        ProblemAssertions.ShouldNotLeakInternals(await response.Content.ReadAsStringAsync());
        (await factory.FingerprintAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("GET", "/api/v1/customers/not-a-guid")]
    [InlineData("GET", "/api/v1/customers/12345")]
    [InlineData("PUT", "/api/v1/customers/not-a-guid")]
    [InlineData("POST", "/api/v1/customers/not-a-guid/deactivate")]
    [InlineData("GET", "/api/v1/customers/not-a-guid/sites")]
    [InlineData("POST", "/api/v1/customers/not-a-guid/contracts")]
    [InlineData("GET", "/api/v1/customers/not-a-guid/assets")]
    [InlineData("POST", "/api/v1/sites/not-a-guid/reactivate")]
    [InlineData("POST", "/api/v1/contracts/not-a-guid/cancel")]
    [InlineData("DELETE", "/api/v1/api-keys/not-a-guid")]
    [InlineData("GET", "/api/v1/customers/00000000-0000-0000-0000-00000000000g")]
    [InlineData("GET", "/api/v1/work-orders/not-a-guid")]
    [InlineData("POST", "/api/v1/work-orders/WO-000001/transitions")]
    [InlineData("DELETE", "/api/v1/comments/not-a-guid")]
    [InlineData("GET", "/api/v1/service-providers/not-a-guid")]
    public async Task NonGuidId_InTheRoute_Is404_ProblemDetails(string method, string path)
    {
        var client = await factory.SessionAsync("Admin");

        var response = await client.SendJsonAsync(new HttpMethod(method), path, method is "GET" or "DELETE" ? null : new { }, "\"1\"");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("GET", "/api/v1/customers/{random}")]
    [InlineData("PUT", "/api/v1/customers/{random}")]
    [InlineData("POST", "/api/v1/customers/{random}/deactivate")]
    [InlineData("POST", "/api/v1/customers/{random}/reactivate")]
    [InlineData("GET", "/api/v1/customers/{random}/sites")]
    [InlineData("POST", "/api/v1/customers/{random}/sites")]
    [InlineData("GET", "/api/v1/customers/{random}/contracts")]
    [InlineData("POST", "/api/v1/customers/{random}/contracts")]
    [InlineData("GET", "/api/v1/customers/{random}/assets")]
    [InlineData("POST", "/api/v1/customers/{random}/assets")]
    [InlineData("POST", "/api/v1/sites/{random}/deactivate")]
    [InlineData("POST", "/api/v1/sites/{random}/reactivate")]
    [InlineData("POST", "/api/v1/contracts/{random}/cancel")]
    [InlineData("DELETE", "/api/v1/api-keys/{random}")]
    [InlineData("GET", "/api/v1/work-orders/{random}")]
    [InlineData("PUT", "/api/v1/work-orders/{random}")]
    [InlineData("DELETE", "/api/v1/work-orders/{random}")]
    [InlineData("POST", "/api/v1/work-orders/{random}/transitions")]
    [InlineData("GET", "/api/v1/work-orders/{random}/line-items")]
    [InlineData("POST", "/api/v1/work-orders/{random}/line-items")]
    [InlineData("PUT", "/api/v1/work-orders/{random}/line-items/{random}")]
    [InlineData("GET", "/api/v1/work-orders/{random}/comments")]
    [InlineData("POST", "/api/v1/work-orders/{random}/comments")]
    [InlineData("POST", "/api/v1/work-orders/{random}/tasks")]
    [InlineData("DELETE", "/api/v1/comments/{random}")]
    [InlineData("GET", "/api/v1/service-providers/{random}")]
    [InlineData("PUT", "/api/v1/service-providers/{random}")]
    public async Task UnknownId_Is404_ProblemDetails_AndCreatesNothing(string method, string path)
    {
        var client = await factory.SessionAsync("Admin");
        var site = await Make.SiteAsync(client, (await Make.CustomerAsync(client)).Id);
        var before = await factory.FingerprintAsync();

        // One body valid for every route (each reads its own fields), so the 404 is about the id alone.
        object? body = method is "GET" or "DELETE" ? null : new
        {
            name = Unique.Name("Valid"),
            number = "C-" + Unique.Suffix(),
            startDate = "2026-01-01",
            siteId = site.Id,
            contact = new ContactBody("Pat", "pat@example.com"),
            title = "Valid title",
            serviceRequested = "Valid service",
            category = "Service",
            action = "Start",
            description = "Valid item",
            estimatedLabourHours = 1,
            partsCost = 0,
            hourlyRate = 80,
            text = "Valid comment",
            email = "pat@example.com",
            kind = "ExternalTechnician",
        };
        var response = await client.SendJsonAsync(new HttpMethod(method), path.Replace("{random}", Guid.NewGuid().ToString(), StringComparison.Ordinal), body, "\"1\"");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        ProblemAssertions.ShouldNotLeakInternals(await response.Content.ReadAsStringAsync());
        (await factory.FingerprintAsync()).ShouldBe(before);
    }

    /// <summary>PostgreSQL refuses NUL (0x00) in text; the API must refuse it as bad input, not fail with a 500.</summary>
    [Theory]
    [InlineData("name")]
    [InlineData("description")]
    [InlineData("contact.name")]
    [InlineData("billingAddress.city")]
    public async Task NulCharacter_InAText_IsNot500(string field)
    {
        var client = await factory.SessionAsync("Admin");
        var name = Unique.Name("Nul");
        var text = "before\u0000after";
        var body = new
        {
            name = field == "name" ? name + text : name,
            description = field == "description" ? text : "ok",
            billingAddress = new AddressBody("1 Main St", field == "billingAddress.city" ? text : "Springfield", null, null, null),
            contact = new ContactBody(field == "contact.name" ? text : "Pat", "pat@example.com"),
        };

        var response = await client.PostJsonAsync("/api/v1/customers", body);

        var content = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBeLessThan(500, content);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            (await response.ShouldBeClientErrorProblemAsync()).GetProperty("status").GetInt32().ShouldBe(400);
            content.ShouldContain(field.Split('.')[^1], Case.Sensitive, "the error names the field");
        }
    }

    [Theory]
    [InlineData("search=%00")]
    [InlineData("search=a%00b")]
    [InlineData("search=%25%27%22%3B--")]
    [InlineData("search=%5C")]
    public async Task OddSearchText_IsNot500(string query)
    {
        var client = await factory.SessionAsync("Admin");

        var response = await client.GetAsync("/api/v1/customers?" + query);

        var content = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBeLessThan(500, content);
        if ((int)response.StatusCode >= 400)
        {
            await response.ShouldBeClientErrorProblemAsync();
        }
    }
}

public sealed class MalformedRequestTestsOnSqlite(SqliteApiFactory factory) : MalformedRequestTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class MalformedRequestTestsOnPostgres(PostgresApiFactory factory) : MalformedRequestTests(factory), IClassFixture<PostgresApiFactory>;
