namespace WorkOrders.Api.IntegrationTests.Auth;

/// <summary>Cookie-authenticated writes need the X-XSRF-TOKEN header (the value of the XSRF-TOKEN cookie);
/// without it — or with a wrong one — they answer 400 and change nothing.</summary>
public abstract class AntiforgeryTests(ApiFactory factory)
{
    private const string Header = "X-XSRF-TOKEN";

    [Theory]
    [InlineData("missing")]
    [InlineData("garbage")]
    [InlineData("another user's")]
    public async Task CookieWrite_WithoutAValidXsrfHeader_Is400_AndChangesNothing(string token)
    {
        var admin = await factory.SessionAsync("Admin");
        var customer = await Make.CustomerAsync(admin);
        var site = await Make.SiteAsync(admin, customer.Id);
        var contract = await Make.ContractAsync(admin, customer.Id);
        var key = await factory.CreatePartnerKeyAsync(customer.Id);

        var client = await factory.SignInAsync("Admin");
        client.DefaultRequestHeaders.Remove(Header);
        switch (token)
        {
            case "garbage":
                client.DefaultRequestHeaders.Add(Header, "CfDJ8garbage");
                break;
            case "another user's":
                var other = await factory.SignInAsync("Dispatcher");
                client.DefaultRequestHeaders.Add(Header, other.DefaultRequestHeaders.GetValues(Header).Single());
                break;
        }

        var before = await factory.FingerprintAsync();
        (HttpMethod Method, string Url, object? Body)[] writes =
        [
            (HttpMethod.Post, "/api/v1/customers", Make.Customer()),
            (HttpMethod.Put, $"/api/v1/customers/{customer.Id}", new { name = "Forged", contact = new ContactBody("X", "x@example.com") }),
            (HttpMethod.Post, $"/api/v1/customers/{customer.Id}/deactivate", new { reason = "Forged" }),
            (HttpMethod.Post, $"/api/v1/customers/{customer.Id}/sites", new { name = "Forged" }),
            (HttpMethod.Post, $"/api/v1/sites/{site.Id}/deactivate", new { reason = "Forged" }),
            (HttpMethod.Post, $"/api/v1/contracts/{contract.Id}/cancel", new { reason = "Forged" }),
            (HttpMethod.Post, "/api/v1/users", new { email = Unique.Email("forged"), password = ApiFactory.Password, roles = new[] { "Admin" } }),
            (HttpMethod.Post, "/api/v1/api-keys", new { name = "Forged", customerIds = new[] { customer.Id } }),
            (HttpMethod.Delete, $"/api/v1/api-keys/{key.Id}", null),
        ];
        foreach (var (method, url, body) in writes)
        {
            var response = await client.SendJsonAsync(method, url, body, $"\"{customer.Version}\"");
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            problem.GetProperty("title").GetString()!.ShouldContain("antiforgery", Case.Insensitive, $"{method} {url}");
        }

        (await factory.FingerprintAsync()).ShouldBe(before);

        // Reads need no token, and the session is still good.
        (await client.GetAsync($"/api/v1/customers/{customer.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await key.Client.GetAsync($"/api/v1/customers/{customer.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK, "the key was not revoked");
    }

    [Fact]
    public async Task Logout_WithoutTheXsrfHeader_Is400_AndTheSessionLives()
    {
        var client = await factory.SignInAsync("Dispatcher");
        client.DefaultRequestHeaders.Remove(Header);

        await (await client.PostAsync("/api/v1/auth/logout", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        (await client.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheTokenOfTheSession_IsAccepted()
    {
        var client = await factory.SignInAsync("Dispatcher");

        (await client.PostJsonAsync("/api/v1/customers", Make.Customer())).StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}

public sealed class AntiforgeryTestsOnSqlite(SqliteApiFactory factory) : AntiforgeryTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class AntiforgeryTestsOnPostgres(PostgresApiFactory factory) : AntiforgeryTests(factory), IClassFixture<PostgresApiFactory>;
