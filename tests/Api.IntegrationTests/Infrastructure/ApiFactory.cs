using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Infrastructure.Persistence;

namespace WorkOrders.Api.IntegrationTests.Infrastructure;

/// <summary>The real application (real HTTP pipeline, real database of the chosen provider) in memory.
/// One per test class: its own fresh database, its own users.</summary>
public abstract class ApiFactory(TestProvider provider) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@tests.local";
    public const string Password = "Test-Passw0rd!";

    private readonly ConcurrentDictionary<string, Task<string>> _users = new();
    private readonly string _fixtureId = Guid.NewGuid().ToString("N")[..12];
    private string _connectionString = string.Empty;

    public TestProvider Provider { get; } = provider;

    public async Task InitializeAsync()
    {
        _connectionString = await TestDatabases.CreateAsync(Provider);
        _ = Server; // start the host now: start-up seeds the roles and the bootstrap Admin
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await TestDatabases.DropAsync(Provider, _connectionString);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting($"ConnectionStrings:{Provider}", _connectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("WorkOrders:Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("WorkOrders:Bootstrap:AdminPassword", Password);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Limits:LoginPerMinute", "100000"); // every test client comes from the same (no) address; HardeningTests sets its own
        builder.UseSetting("Limits:PortalPerTokenPerMinute", "100000"); // the portal's rate-limit test sets its own
        builder.UseSetting("Limits:PortalPerAddressPerMinute", "100000");

        // Background jobs: no scheduler running by default (tests call IOutboxProcessor themselves); a scheduler
        // name of its own per fixture (Quartz keeps schedulers by name per process); mail to a folder of its own.
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Jobs:SchedulerName", "tests-" + _fixtureId);
        builder.UseSetting("Email:Host", string.Empty);
        builder.UseSetting("Email:PickupDirectory", Path.Combine(Path.GetTempPath(), "workorders-mail-" + _fixtureId));
        ConfigureSettings(builder);
        builder.ConfigureTestServices(ConfigureTestServices);
    }

    /// <summary>Hook for fixtures that need other settings (e.g. a running scheduler, an SMTP server).</summary>
    protected virtual void ConfigureSettings(IWebHostBuilder builder)
    {
    }

    /// <summary>Hook for fixtures that need to replace an edge we do not own (e.g. the clock).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    /// <summary>A client with no credentials.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client signed in (cookie + antiforgery header) as a user with exactly <paramref name="role"/>.</summary>
    public async Task<HttpClient> SignInAsync(string role)
    {
        var email = role == "Admin" ? AdminEmail : await _users.GetOrAdd(role, CreateUserAsync);
        return await SignInAsync(email, Password);
    }

    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var me = await response.Content.ReadFromJsonAsync<MeResponse>();
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", me!.AntiforgeryToken);
        return client;
    }

    /// <summary>A partner client authenticated by an API key scoped to <paramref name="customerIds"/>.</summary>
    public async Task<HttpClient> PartnerAsync(params Guid[] customerIds)
    {
        var admin = await SignInAsync("Admin");
        var response = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "Partner " + Guid.NewGuid().ToString("N")[..6], customerIds });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<CreatedKeyResponse>();
        var client = Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", created!.Key);
        return client;
    }

    /// <summary>A scope on the application's services, to look at the database directly.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private async Task<string> CreateUserAsync(string role)
    {
        var admin = await SignInAsync("Admin");
        var email = $"{role.ToLowerInvariant()}@tests.local";
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = role, password = Password, roles = new[] { role } });
        response.EnsureSuccessStatusCode();
        return email;
    }

    private sealed record MeResponse(string Id, string Email, string[] Roles, string AntiforgeryToken);

    private sealed record CreatedKeyResponse(string Key);
}

public sealed class SqliteApiFactory() : ApiFactory(TestProvider.Sqlite);

public sealed class PostgresApiFactory() : ApiFactory(TestProvider.Postgres);
