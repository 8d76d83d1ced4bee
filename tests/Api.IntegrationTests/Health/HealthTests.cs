namespace WorkOrders.Api.IntegrationTests.Health;

/// <summary>Liveness and readiness answer 200 to anyone (load balancers and orchestrators send no credentials).</summary>
public abstract class HealthTests(ApiFactory factory)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_Is200_Anonymously(string path)
    {
        var response = await factory.Anonymous().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_Is200_EvenWithAGarbageApiKey(string path)
    {
        var client = factory.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", "garbage");

        (await client.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class HealthTestsOnSqlite(SqliteApiFactory factory) : HealthTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class HealthTestsOnPostgres(PostgresApiFactory factory) : HealthTests(factory), IClassFixture<PostgresApiFactory>;
