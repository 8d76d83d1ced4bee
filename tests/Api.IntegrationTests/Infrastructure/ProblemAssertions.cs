using System.Text.Json;

namespace WorkOrders.Api.IntegrationTests.Infrastructure;

public static class ProblemAssertions
{
    /// <summary>Marks of internals that must never reach a client: stack frames, exception types, SQL, driver names.</summary>
    private static readonly string[] Internals =
    [
        "   at ", "Exception:", "Exception\"", "SqliteException", "PostgresException", "Npgsql", "SQLite Error", "SQLITE_",
        "SELECT ", "INSERT INTO", "UPDATE \"", "DELETE FROM", "System.", "Microsoft.", "WorkOrders.",
    ];

    public static void ShouldNotLeakInternals(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        foreach (var mark in Internals)
        {
            body.ShouldNotContain(mark, Case.Sensitive, $"the response must not reveal internals ({mark.Trim()}): {body}");
        }
    }

    /// <summary>Asserts a 400 ValidationProblemDetails whose <c>errors</c> keys are exactly <paramref name="keys"/>.</summary>
    public static async Task<JsonElement> ShouldBeValidationProblemAsync(this HttpResponseMessage response, params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        ShouldNotLeakInternals(body);
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.TryGetProperty("errors", out var errors).ShouldBeTrue($"a validation problem has an errors map: {body}");
        var actual = errors.EnumerateObject().Select(e => e.Name).ToList();
        actual.ShouldBe(keys, ignoreOrder: true, $"errors keys of {body}");
        foreach (var error in errors.EnumerateObject())
        {
            error.Value.GetArrayLength().ShouldBeGreaterThan(0);
        }

        return problem;
    }

    /// <summary>Asserts a ProblemDetails answer with a 4xx status (any), and no internals.</summary>
    public static async Task<JsonElement> ShouldBeClientErrorProblemAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBeInRange(400, 499, body);
        ShouldNotLeakInternals(body);
        return await response.ShouldBeProblemAsync(response.StatusCode);
    }

    /// <summary>Asserts that the request was neither refused (401/403) nor failed (5xx); a 4xx answer must be ProblemDetails.</summary>
    public static async Task ShouldNotBeRefusedAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized, body);
        response.StatusCode.ShouldNotBe(HttpStatusCode.Forbidden, body);
        ((int)response.StatusCode).ShouldBeLessThan(500, body);
        if ((int)response.StatusCode >= 400)
        {
            ShouldNotLeakInternals(body);
            await response.ShouldBeProblemAsync(response.StatusCode);
        }
    }
}
