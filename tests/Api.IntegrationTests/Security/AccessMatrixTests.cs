using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace WorkOrders.Api.IntegrationTests.Security;

/// <summary>Every operation of the API, called as nobody, as each staff role and as a partner, against the
/// table in <see cref="AccessMatrix"/>: 401 without credentials, 403 for a caller the row does not allow (and
/// nothing changed), and neither 401/403 nor 5xx for a caller it allows.
/// A case that may change its sample (an allowed write) gets a fresh one; the others share one per fixture and
/// kind of sample — a refused request that changed it anyway fails on the database fingerprint.</summary>
public abstract class AccessMatrixTests(ApiFactory factory)
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
    private static readonly ConditionalWeakTable<ApiFactory, ConcurrentDictionary<Needs, Lazy<Task<Sample>>>> SharedSamples = new();
    private static readonly ConditionalWeakTable<ApiFactory, ConcurrentDictionary<Guid, Lazy<Task<HttpClient>>>> Partners = new();

    [Theory]
    [MemberData(nameof(AccessMatrix.Protected), MemberType = typeof(AccessMatrix))]
    public async Task Anonymous_Is401_ProblemDetails_AndChangesNothing(string operationId)
    {
        var operation = AccessMatrix.Get(operationId);
        var sample = await SharedSampleAsync(operation);
        var before = await factory.FingerprintAsync();

        var response = await SendAsync(factory.Anonymous(), operation, sample);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await factory.FingerprintAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(AccessMatrix.ForbiddenCases), MemberType = typeof(AccessMatrix))]
    public async Task Principal_NotAllowed_Is403_ProblemDetails_AndChangesNothing(string operationId, string principal)
    {
        var operation = AccessMatrix.Get(operationId);
        var sample = await SharedSampleAsync(operation);
        var client = await ClientAsync(principal, operation, sample);
        var before = await factory.FingerprintAsync();

        var response = await SendAsync(client, operation, sample);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await factory.FingerprintAsync()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(AccessMatrix.AllowedCases), MemberType = typeof(AccessMatrix))]
    public async Task Principal_Allowed_IsNotRefused(string operationId, string principal)
    {
        var operation = AccessMatrix.Get(operationId);
        var sample = operation.Method == "GET" ? await SharedSampleAsync(operation) : await factory.SampleAsync(operation.Needs);
        var client = await ClientAsync(principal, operation, sample);

        var response = await SendAsync(client, operation, sample);

        await response.ShouldNotBeRefusedAsync();
    }

    /// <summary>Authorization comes before preconditions: a caller that may not update learns nothing from
    /// leaving out If-Match (PRODUCT.md: a forbidden action answers 403).</summary>
    [Theory]
    [MemberData(nameof(AccessMatrix.ForbiddenConditionalCases), MemberType = typeof(AccessMatrix))]
    public async Task Principal_NotAllowed_WithoutIfMatch_Is403_Not428(string operationId, string principal)
    {
        var operation = AccessMatrix.Get(operationId);
        var sample = await SharedSampleAsync(operation);
        var client = await ClientAsync(principal, operation, sample);

        var response = await SendAsync(client, operation with { IfMatch = null }, sample);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public void EveryOperationOfTheCommittedOpenApiDocument_IsInTheMatrix()
    {
        var document = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("openapi.json")));
        ShouldMatchTheMatrix(OperationsOf(document), "openapi.json");
    }

    [Fact]
    public async Task EveryOperationTheRunningApiDocuments_IsInTheMatrix()
    {
        var response = await factory.Anonymous().GetAsync("/swagger/v1/swagger.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        ShouldMatchTheMatrix(OperationsOf(document), "/swagger/v1/swagger.json");
    }

    [Fact]
    public void TheMatrix_ListsEachOperationOnce_AndOnlyLoginIsPublic()
    {
        AccessMatrix.Operations.Select(o => o.OperationId).ShouldBeUnique();
        AccessMatrix.Operations.Select(o => $"{o.Method} {o.Path}").ShouldBeUnique();
        AccessMatrix.Operations.Where(o => o.IsPublic).Select(o => o.OperationId).ShouldBe(["Login"]);
        AccessMatrix.Operations.Where(o => o.IsTokenAuthenticated).ShouldAllBe(o => o.Path.StartsWith("/api/v1/portal/{token}", StringComparison.Ordinal));
        AccessMatrix.Operations.Where(o => o.Path.StartsWith("/api/v1/portal/", StringComparison.Ordinal)).ShouldAllBe(o => o.IsTokenAuthenticated);
        foreach (var operation in AccessMatrix.Operations.Where(o => !o.IsPublic && !o.IsTokenAuthenticated))
        {
            operation.Allowed.ShouldContain(Principal.Admin, $"{operation}: Admin may do everything (PRODUCT.md)");
            operation.Allowed.ShouldAllBe(p => Principal.Authenticated.Contains(p), $"{operation}: unknown principal");
            Should.NotThrow(() => operation.Needs, $"{operation}: a path placeholder the sample cannot fill");
        }
    }

    private static List<(string OperationId, string Method, string Path)> OperationsOf(JsonDocument document)
    {
        var operations = new List<(string, string, string)>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => HttpMethods.Contains(m.Name)))
            {
                var id = method.Value.TryGetProperty("operationId", out var operationId) ? operationId.GetString() : null;
                id.ShouldNotBeNullOrWhiteSpace($"{method.Name.ToUpperInvariant()} {path.Name} has no operationId (.WithName(...))");
                operations.Add((id!, method.Name.ToUpperInvariant(), path.Name));
            }
        }

        return operations;
    }

    private static void ShouldMatchTheMatrix(List<(string OperationId, string Method, string Path)> documented, string source)
    {
        var missing = documented.Where(d => AccessMatrix.Operations.All(o => o.OperationId != d.OperationId))
            .Select(d => $"{d.OperationId} ({d.Method} {d.Path})").ToList();
        missing.ShouldBeEmpty($"{source} has operations that tests/Api.IntegrationTests/Security/AccessMatrix.cs does not list: add a row (route, method, sample body, allowed roles) for each");

        var stale = AccessMatrix.Operations.Where(o => !documented.Contains((o.OperationId, o.Method, o.Path)))
            .Select(o => o.ToString()).ToList();
        stale.ShouldBeEmpty($"AccessMatrix rows whose operationId, method or path is not in {source}");
    }

    private Task<Sample> SharedSampleAsync(Operation operation) =>
        SharedSamples.GetValue(factory, _ => new ConcurrentDictionary<Needs, Lazy<Task<Sample>>>())
            .GetOrAdd(operation.Needs, needs => new Lazy<Task<Sample>>(() => factory.SampleAsync(needs))).Value;

    /// <summary>A partner whose key is scoped to the sample's customer (one key per customer).</summary>
    private Task<HttpClient> PartnerAsync(Guid customerId) =>
        Partners.GetValue(factory, _ => new ConcurrentDictionary<Guid, Lazy<Task<HttpClient>>>())
            .GetOrAdd(customerId, id => new Lazy<Task<HttpClient>>(async () => (await factory.CreatePartnerKeyAsync(id)).Client)).Value;

    private async Task<HttpClient> ClientAsync(string principal, Operation operation, Sample sample) => principal switch
    {
        Principal.Anonymous => factory.Anonymous(),
        Principal.Partner => await PartnerAsync(sample.CustomerId),

        // Signing out ends every session of the user (its security stamp changes): that case signs out a
        // throw-away user of the same role, so the shared sessions of the other cases stay valid.
        _ when operation.OperationId == "Logout" => await ThrowAwaySessionAsync(principal),
        _ => await factory.SessionAsync(principal),
    };

    private async Task<HttpClient> ThrowAwaySessionAsync(string role)
    {
        var admin = await factory.SignInAsync("Admin");
        var email = $"logout-{role.ToLowerInvariant()}-{Guid.NewGuid():N}@tests.local";
        var created = await admin.PostJsonAsync("/api/v1/users", new { email, displayName = role, password = ApiFactory.Password, roles = new[] { role } });
        created.EnsureSuccessStatusCode();
        return await factory.SignInAsync(email, ApiFactory.Password);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Operation operation, Sample sample)
    {
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), sample.Resolve(operation.Path));
        if (operation.Body is not null)
        {
            var body = operation.Body(sample);
            request.Content = JsonContent.Create(body, body.GetType(), options: HttpAssertions.Json);
        }

        if (operation.IfMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{operation.IfMatch(sample)}\"");
        }

        return client.SendAsync(request);
    }
}

public sealed class AccessMatrixTestsOnSqlite(SqliteApiFactory factory) : AccessMatrixTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class AccessMatrixTestsOnPostgres(PostgresApiFactory factory) : AccessMatrixTests(factory), IClassFixture<PostgresApiFactory>;
