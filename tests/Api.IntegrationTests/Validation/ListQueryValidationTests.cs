using System.Buffers.Text;
using System.Text;

namespace WorkOrders.Api.IntegrationTests.Validation;

/// <summary>The query string of the lists: limit within bounds, cursors only as the list made them, enums by
/// name — anything else answers 400 (with the parameter in <c>errors</c> where the API validates it).</summary>
public abstract class ListQueryValidationTests(ApiFactory factory)
{
    public static TheoryData<string> Lists() => new("/api/v1/customers", "/api/v1/customers/{customer}/sites",
        "/api/v1/customers/{customer}/contracts", "/api/v1/customers/{customer}/assets", "/api/v1/work-orders", "/api/v1/service-providers");

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task GarbageCursor_Is400_WithErrorsCursor(string list)
    {
        var url = await UrlAsync(list);
        var client = await factory.SessionAsync("Dispatcher");

        foreach (var cursor in new[] { "garbage", "!!!", "eyJ", Base64("null"), Base64("[]"), Base64("42"), new string('A', 2000) })
        {
            await (await client.GetAsync($"{url}?cursor={Uri.EscapeDataString(cursor)}")).ShouldBeValidationProblemAsync("cursor");
        }
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task LimitOutOfBounds_Is400_WithErrorsLimit(string list)
    {
        var url = await UrlAsync(list);
        var client = await factory.SessionAsync("Dispatcher");

        foreach (var limit in new[] { "0", "-1", "201", "100000", int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            await (await client.GetAsync($"{url}?limit={limit}")).ShouldBeValidationProblemAsync("limit");
        }

        (await client.GetAsync($"{url}?limit=1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"{url}?limit=200")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task LimitThatIsNotANumber_Is400_ProblemDetails(string list)
    {
        var url = await UrlAsync(list);
        var client = await factory.SessionAsync("Dispatcher");

        foreach (var limit in new[] { "abc", "1.5", "99999999999999999999", "%00" })
        {
            var response = await client.GetAsync($"{url}?limit={limit}");
            (await response.ShouldBeClientErrorProblemAsync()).GetProperty("status").GetInt32().ShouldBe(400);
        }
    }

    [Theory]
    [InlineData("/api/v1/customers", "Bogus")]
    [InlineData("/api/v1/customers/{customer}/sites", "Bogus")]
    [InlineData("/api/v1/customers/{customer}/contracts", "Bogus")]
    [InlineData("/api/v1/customers", "Active;DROP TABLE")]
    [InlineData("/api/v1/work-orders", "Bogus")]
    public async Task UnknownStatus_Is400_ProblemDetails(string list, string status)
    {
        var url = await UrlAsync(list);
        var client = await factory.SessionAsync("Dispatcher");

        var response = await client.GetAsync($"{url}?status={Uri.EscapeDataString(status)}");

        (await response.ShouldBeClientErrorProblemAsync()).GetProperty("status").GetInt32().ShouldBe(400);
    }

    /// <summary>PRODUCT.md: enums are strings. The JSON options refuse integer enum values; so should the query string.</summary>
    [Theory]
    [InlineData("/api/v1/customers", "0")]
    [InlineData("/api/v1/customers", "1")]
    [InlineData("/api/v1/customers", "99")]
    [InlineData("/api/v1/customers/{customer}/sites", "1")]
    [InlineData("/api/v1/customers/{customer}/contracts", "1")]
    [InlineData("/api/v1/work-orders", "1")]
    public async Task IntegerStatus_Is400_ProblemDetails(string list, string status)
    {
        var url = await UrlAsync(list);
        var client = await factory.SessionAsync("Dispatcher");

        var response = await client.GetAsync($"{url}?status={status}");

        (await response.ShouldBeClientErrorProblemAsync()).GetProperty("status").GetInt32().ShouldBe(400);
    }

    [Fact]
    public async Task StatusByName_IsAccepted()
    {
        var client = await factory.SessionAsync("Dispatcher");
        (await client.GetAsync("/api/v1/customers?status=Active")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/v1/customers?status=Deactivated")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SearchTooLong_Is400_WithErrorsSearch()
    {
        var client = await factory.SessionAsync("Dispatcher");
        await (await client.GetAsync("/api/v1/customers?search=" + new string('s', 201))).ShouldBeValidationProblemAsync("search");
    }

    /// <summary>A cursor that decodes but was not made by this list (another list's, or hand-made) is refused,
    /// as the validator's message says — not read as "after nothing" or "after null".</summary>
    [Theory]
    [InlineData("{}")]
    [InlineData("{\"Id\":\"01000000-0000-0000-0000-000000000000\"}")]
    [InlineData("{\"N\":null,\"Id\":\"01000000-0000-0000-0000-000000000000\"}")]
    [InlineData("{\"N\":5}")]
    public async Task CustomersList_ForgedCursor_Is400_WithErrorsCursor(string json)
    {
        var client = await factory.SessionAsync("Dispatcher");
        await Make.CustomerAsync(client);

        var response = await client.GetAsync("/api/v1/customers?cursor=" + Base64(json));

        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBeLessThan(500, body);
        await response.ShouldBeValidationProblemAsync("cursor");
    }

    /// <summary>A cursor is opaque but client-controlled: whatever it decodes to must not reach the database as a 500.</summary>
    [Theory]
    [InlineData("{\"N\":\"a\\u0000b\",\"Id\":\"01000000-0000-0000-0000-000000000000\"}")]
    [InlineData("{\"N\":\"%' OR 1=1 --\",\"Id\":\"01000000-0000-0000-0000-000000000000\"}")]
    public async Task CustomersList_HostileCursor_IsNot500(string json)
    {
        var client = await factory.SessionAsync("Dispatcher");

        var response = await client.GetAsync("/api/v1/customers?cursor=" + Base64(json));

        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBeLessThan(500, body);
    }

    [Fact]
    public async Task ACursorOfTheList_StillWorks()
    {
        var client = await factory.SessionAsync("Dispatcher");
        await Make.CustomerAsync(client);
        await Make.CustomerAsync(client);
        var first = await (await client.GetAsync("/api/v1/customers?limit=1")).ShouldBeAsync<Page<CustomerRow>>(HttpStatusCode.OK);
        first.NextCursor.ShouldNotBeNull();
        var second = await (await client.GetAsync($"/api/v1/customers?limit=1&cursor={first.NextCursor}")).ShouldBeAsync<Page<CustomerRow>>(HttpStatusCode.OK);
        second.Items.Single().Id.ShouldNotBe(first.Items.Single().Id);
    }

    private static string Base64(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    private async Task<string> UrlAsync(string list)
    {
        if (!list.Contains("{customer}", StringComparison.Ordinal))
        {
            return list;
        }

        var customer = await Make.CustomerAsync(await factory.SessionAsync("Admin"));
        return list.Replace("{customer}", customer.Id.ToString(), StringComparison.Ordinal);
    }
}

public sealed class ListQueryValidationTestsOnSqlite(SqliteApiFactory factory) : ListQueryValidationTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class ListQueryValidationTestsOnPostgres(PostgresApiFactory factory) : ListQueryValidationTests(factory), IClassFixture<PostgresApiFactory>;
