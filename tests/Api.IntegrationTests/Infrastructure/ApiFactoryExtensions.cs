using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace WorkOrders.Api.IntegrationTests.Infrastructure;

/// <summary>Helpers over <see cref="ApiFactory"/> for the security and validation tests: cached sessions,
/// partner keys, users, a database fingerprint, raw requests.</summary>
public static class ApiFactoryExtensions
{
    private static readonly ConditionalWeakTable<ApiFactory, ConcurrentDictionary<string, Lazy<Task<HttpClient>>>> Cache = new();

    /// <summary>A signed-in client for <paramref name="role"/>, reused within the fixture (a sign-in hashes a
    /// password). Never sign it out: use <see cref="ApiFactory.SignInAsync(string)"/> for a session a test ends.</summary>
    public static Task<HttpClient> SessionAsync(this ApiFactory factory, string role)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var sessions = Cache.GetValue(factory, _ => new ConcurrentDictionary<string, Lazy<Task<HttpClient>>>());
        return sessions.GetOrAdd(role, r => new Lazy<Task<HttpClient>>(() => factory.SignInAsync(r))).Value;
    }

    /// <summary>Creates (as Admin) a partner key scoped to <paramref name="customerIds"/>.</summary>
    public static async Task<PartnerKey> CreatePartnerKeyAsync(this ApiFactory factory, params Guid[] customerIds)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var admin = await factory.SessionAsync("Admin");
        var response = await admin.PostJsonAsync("/api/v1/api-keys", new { name = Unique.Name("Partner"), customerIds });
        var created = await response.ShouldBeAsync<CreatedApiKey>(HttpStatusCode.Created);
        var client = factory.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", created.Key);
        return new PartnerKey(created.ApiKey.Id, created.Key, client);
    }

    /// <summary>Creates (as Admin) a staff user with <paramref name="roles"/> and returns its e-mail.</summary>
    public static async Task<string> CreateUserAsync(this ApiFactory factory, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var admin = await factory.SessionAsync("Admin");
        var email = Unique.Email(roles.Length > 0 ? roles[0].ToLowerInvariant() : "user");
        var response = await admin.PostJsonAsync("/api/v1/users", new { email, displayName = "Test " + email, password = ApiFactory.Password, roles });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return email;
    }

    /// <summary>What a request could have created or changed, in one round trip: the row count of every table
    /// of the model, the sum of every <c>Version</c> column (every update bumps it) and the count of every
    /// <c>...At</c> marker column that is set (revoked, deleted, deactivated, ...; not the outbox's, which a
    /// background job moves). Equal before and after a refused request shows that it changed nothing; new
    /// tables are covered without touching this.</summary>
    public static Task<string> FingerprintAsync(this ApiFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.WithDbAsync(async db =>
        {
            var rows = await db.Database.SqlQueryRaw<FingerprintRow>(FingerprintSql(db)).ToListAsync();
            return string.Join(' ', rows.OrderBy(r => r.K, StringComparer.Ordinal).Select(r => $"{r.K}={r.V}"));
        });
    }

    private static readonly ConcurrentDictionary<string, string> FingerprintSqlByProvider = new();

    private static string FingerprintSql(DbContext db) => FingerprintSqlByProvider.GetOrAdd(db.Database.ProviderName ?? string.Empty, _ =>
    {
        static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var parts = new List<string>();
        foreach (var table in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null)
                     .GroupBy(e => (Name: e.GetTableName()!, Schema: e.GetSchema())))
        {
            var store = StoreObjectIdentifier.Table(table.Key.Name, table.Key.Schema);
            var from = (table.Key.Schema is null ? string.Empty : Quote(table.Key.Schema) + ".") + Quote(table.Key.Name);
            parts.Add($"SELECT '{table.Key.Name}' AS \"K\", COUNT(*) AS \"V\" FROM {from}");
            var columns = table.SelectMany(e => e.GetProperties()).Select(p => p.GetColumnName(store)).OfType<string>().Distinct().ToList();
            foreach (var column in columns.Where(c => c == "Version"))
            {
                parts.Add($"SELECT '{table.Key.Name}.{column}', COALESCE(SUM({Quote(column)}), 0) FROM {from}");
            }

            // Background work (the outbox processor) and bookkeeping (a key's last use) change these on their own.
            var background = table.Key.Name.Contains("Outbox", StringComparison.OrdinalIgnoreCase);
            foreach (var column in columns.Where(c => !background && c.EndsWith("At", StringComparison.Ordinal)
                         && c is not "CreatedAt" and not "UpdatedAt" and not "LastUsedAt"))
            {
                parts.Add($"SELECT '{table.Key.Name}.{column}', COUNT({Quote(column)}) FROM {from}");
            }
        }

        return string.Join(" UNION ALL ", parts);
    });

    private sealed class FingerprintRow
    {
        public string K { get; set; } = string.Empty;
        public long V { get; set; }
    }

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body, string? ifMatch = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: HttpAssertions.Json);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    /// <summary>Sends a raw body with the given content type (for malformed-input tests).</summary>
    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string url, string? body,
        string? contentType = "application/json", string? ifMatch = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body);
            request.Content.Headers.ContentType = contentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }
}
