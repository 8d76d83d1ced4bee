using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace WorkOrders.Api.IntegrationTests.Hardening;

/// <summary>Security headers, HSTS, request size limit and the sign-in rate limit.</summary>
public abstract class HardeningTests(ApiFactory factory)
{
    [Fact]
    public async Task ApiAnswers_CarryTheSecurityHeaders_AndACspThatAllowsNothing()
    {
        var client = await factory.SignInAsync("Dispatcher");

        var response = await client.GetAsync("/api/v1/customers");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "X-Frame-Options").ShouldBe("DENY");
        Header(response, "Referrer-Policy").ShouldBe("no-referrer");
        Header(response, "Content-Security-Policy").ShouldBe("default-src 'none'; frame-ancestors 'none'");
    }

    [Fact]
    public async Task ErrorAnswers_CarryTheSecurityHeadersToo()
    {
        var response = await factory.Anonymous().GetAsync("/api/v1/customers");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "Content-Security-Policy").ShouldContain("default-src 'none'");
    }

    [Fact]
    public async Task Hsts_IsSentOnHttps_AndNotOnPlainHttp()
    {
        var https = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://workorders.example"), AllowAutoRedirect = false });
        var secure = await https.GetAsync("/health/live");
        Header(secure, "Strict-Transport-Security").ShouldBe("max-age=31536000; includeSubDomains");

        var plain = await factory.Anonymous().GetAsync("/health/live");
        plain.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task ABodyOverTheLimit_Is413ProblemDetails_AndCreatesNothing()
    {
        var client = await factory.SignInAsync("Dispatcher");
        var before = await factory.WithDbAsync(db => db.Customers.CountAsync());
        var customer = new { name = "Too big", description = new string('x', 1_100_000), contact = new ContactBody("Pat", "pat@example.com", null) };

        // A body with its length declared (as browsers and most clients send it); Kestrel's own limit, set to the
        // same value, answers 413 to a chunked body as it is read.
        using var body = JsonContent.Create(customer);
        await body.LoadIntoBufferAsync();
        var response = await client.PostAsync("/api/v1/customers", body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("1,048,576");
        (await factory.WithDbAsync(db => db.Customers.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task SignInAttempts_OverTheLimitPerAddress_Are429WithRetryAfter()
    {
        using var limited = factory.WithWebHostBuilder(b => b.UseSetting("Limits:LoginPerMinute", "3"));
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var wrong = new { email = ApiFactory.AdminEmail, password = "Wrong-Passw0rd!" };

        for (var i = 0; i < 3; i++)
        {
            await (await client.PostAsJsonAsync("/api/v1/auth/login", wrong)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        var refused = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = ApiFactory.AdminEmail, password = ApiFactory.Password });
        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        int.Parse(Header(refused, "Retry-After"), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
    }

    [Theory]
    [InlineData("\u202Eevil", "bidirectional")]
    [InlineData("\u200B", "visible")]
    [InlineData("a\u0007b", "control")]
    [InlineData("\uFFFF", "noncharacters")]
    public async Task TextThatDisplaysDifferentlyFromWhatItIs_IsRefused_NamingTheField(string name, string reason)
    {
        var client = await factory.SignInAsync("Dispatcher");

        var response = await client.PostJsonAsync("/api/v1/customers", new { name, contact = new ContactBody("Pat", "pat@example.com", null) });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("name")[0].GetString().ShouldNotBeNull().ShouldContain(reason);
    }

    [Fact]
    public async Task ABodyInACharsetTheServerCannotRead_Is415()
    {
        var client = await factory.SignInAsync("Dispatcher");
        using var body = new StringContent("{\"name\":\"x\"}");
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-7" };

        await (await client.PostAsync("/api/v1/customers", body)).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("/api/v1/portal/abcDEF_123-xyz/estimate/pdf", "/api/v1/portal/{token}/estimate/pdf")]
    [InlineData("/api/v1/portal/abcDEF_123-xyz", "/api/v1/portal/{token}")]
    [InlineData("/api/v1/work-orders", "/api/v1/work-orders")]
    public void PortalTokens_NeverReachTheLogs(string path, string logged) =>
        WorkOrders.Api.Infrastructure.LogSafe.Path(path).ShouldBe(logged);

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new ShouldAssertException($"no {name} header");
}

public sealed class HardeningTestsOnSqlite(SqliteApiFactory factory) : HardeningTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class HardeningTestsOnPostgres(PostgresApiFactory factory) : HardeningTests(factory), IClassFixture<PostgresApiFactory>;
