using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace WorkOrders.Api.IntegrationTests.Reliability;

/// <summary>Walks every operation of the committed openapi.json and sends it generated bad requests — wrong types,
/// missing and unknown fields, invalid enums, huge strings and arrays, unicode edge cases, bad ids, bad cursors,
/// bad headers, wrong content types, broken JSON — as a signed-in Admin (so the request reaches validation) and
/// anonymously. Every answer must be a 4xx ProblemDetails without internals (GETs may also answer 200 where a
/// value is merely unusual); no request changes the database.</summary>
public abstract class MalformedInputSweepTests(ApiFactory factory, ITestOutputHelper output)
{
    private const int Minimum = 10_000;

    [Fact]
    public async Task EveryOperation_AnswersEveryBadRequest_With4xxProblemDetails_AndChangesNothing()
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryFiles.PathOf("openapi.json")))!;
        // Every case as an Admin (reaches validation), as a Technician (most writes are not theirs: 403 or 400)
        // and as a partner whose key is scoped to another customer.
        var requests = new BadRequestGenerator(document).Generate()
            .SelectMany(r => r.Anonymous ? [r] : new[] { r, r with { As = "Technician" }, r with { As = "Partner" } }).ToList();
        requests.Count.ShouldBeGreaterThanOrEqualTo(Minimum, "the sweep sends at least 10,000 bad requests");

        var admin = await factory.SignInAsync("Admin");
        var technician = await factory.SignInAsync("Technician");
        var partner = await factory.PartnerAsync((await Make.CustomerAsync(admin)).Id);
        var anonymous = factory.Anonymous();
        var before = await FingerprintAsync();
        var failures = new List<string>();
        var byStatus = new SortedDictionary<int, int>();
        var sent = 0;

        foreach (var chunk in requests.Chunk(16))
        {
            var answers = await Task.WhenAll(chunk.Select(async bad =>
            {
                var client = bad.Anonymous ? anonymous : bad.As switch { "Technician" => technician, "Partner" => partner, _ => admin };
                using var message = bad.ToMessage();
                using var response = await client.SendAsync(message);
                return (bad, status: (int)response.StatusCode, contentType: response.Content.Headers.ContentType?.MediaType, body: await response.Content.ReadAsStringAsync());
            }));
            foreach (var (bad, status, contentType, body) in answers)
            {
                sent++;
                byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
                var why = Judge(bad, status, contentType, body);
                if (why is not null && failures.Count < 50)
                {
                    failures.Add($"{bad} → {status} {contentType}: {why} {Trim(body)}");
                }
            }
        }

        output.WriteLine($"{sent:N0} bad requests over {requests.Select(r => r.Operation).Distinct().Count()} operations; answers: "
            + string.Join(", ", byStatus.Select(p => $"{p.Key}×{p.Value:N0}")));
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
        byStatus.Keys.ShouldAllBe(status => status < 500, "no bad request may cause a 5xx");
        (await FingerprintAsync()).ShouldBe(before, "a rejected request must change nothing in the database");
    }

    private static string? Judge(BadRequest bad, int status, string? contentType, string body)
    {
        foreach (var mark in new[] { "   at ", "Exception:", "SqliteException", "PostgresException", "Npgsql", "SELECT ", "INSERT INTO" })
        {
            if (body.Contains(mark, StringComparison.Ordinal))
            {
                return $"leaks internals ({mark.Trim()})";
            }
        }

        if (status is >= 200 and < 300)
        {
            return bad.Method == HttpMethod.Get ? null : "a bad write was accepted";
        }

        if (status is < 400 or >= 500)
        {
            return "not a 4xx";
        }

        return contentType == "application/problem+json" ? null : "not a ProblemDetails";
    }

    /// <summary>Row count of every table of the model: a rejected request adds, removes or audits nothing.</summary>
    private Task<string> FingerprintAsync() => factory.WithDbAsync(async db =>
    {
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var counts = new List<string>();
        foreach (var table in tables)
        {
            // Table names come from the model, not from input.
#pragma warning disable EF1002
            var count = await db.Database.SqlQueryRaw<int>($"SELECT CAST(COUNT(*) AS INTEGER) AS \"Value\" FROM \"{table}\"").SingleAsync();
#pragma warning restore EF1002
            counts.Add($"{table}={count}");
        }

        return string.Join(", ", counts);
    });

    private static string Trim(string body) => body.Length > 300 ? body[..300] + "…" : body;
}

/// <summary>One generated request.</summary>
public sealed record BadRequest(string Operation, HttpMethod Method, string Url, string? Body, string? ContentType, IReadOnlyList<(string Name, string Value)> Headers, bool Anonymous, string Case)
{
    /// <summary>Who sends it: Admin (default), Technician or Partner.</summary>
    public string As { get; init; } = "Admin";

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Url);
        if (Body is not null)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
            if (ContentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }

            message.Content = content;
        }

        foreach (var (name, value) in Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }

    public override string ToString() =>
        $"{Method} {(Url.Length > 120 ? Url[..120] + "…" : Url)} [{Case}] as {(Anonymous ? "anonymous" : As)}";
}

/// <summary>Bad requests for every operation of an OpenAPI document.</summary>
public sealed class BadRequestGenerator(JsonNode document)
{
    private static readonly string Huge = new('x', 100_000);
    private static readonly string[] Combinators = ["oneOf", "anyOf", "allOf"];
    // (A raw %00 in the path never reaches the application: the server refuses such a request line itself.)
    private static readonly string[] BadIds = ["not-a-guid", "0", "-1", "1.5", "%2500", "%20", "..%2F..%2Fetc", new string('9', 300), "%E2%80%AE", "00000000-0000-0000-0000-00000000000Z", "{id}", "%F0%9F%92%A9"];
    private static readonly string[] BrokenJson = ["{", "{\"a\":", "[", "nul", "{\"a\":1}}", "{'a':1}", "{\"a\":1,}", "\"text\"", "42", "[]", "null", "{\"a\":\"\\ud800\"", "\uFEFF{ x", "{\"a\":NaN}", "{\"a\":1e999999}", new string('[', 5000) + new string(']', 5000), "", " "];
    private static readonly string[] WrongContentTypes = ["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-7", "image/png"];
    // Text no field may hold (control characters, unpaired surrogates, noncharacters, bidi overrides, nothing visible).
    private static readonly string[] InvalidText = ["\u0000", "a\u0000b", "\ud800", "\udfff", "a\u0007", "\u202Eevil", "\u2067x", "\u200B", "\uFFFF", "\uFDD0", "\uFEFF", "\u0301", "\u0085\u2028\u2029", "x\u009B"];

    // Unusual but valid text: sent with the other fields wrong, so the request is still bad.
    private static readonly string[] UnusualText = ["e\u0301", "𝕳𝖊𝖑𝖑𝖔", "🙂🙃", "İı", "\u00A0", "\uD83D\uDE00\u200D\uD83D\uDE00", "عربى", "\u200F"];

    public IEnumerable<BadRequest> Generate()
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operationNode) in item!.AsObject())
            {
                if (method is "parameters" || operationNode is null)
                {
                    continue;
                }

                var operation = operationNode.AsObject();
                var parameters = (operation["parameters"] as JsonArray ?? []).Select(p => Resolve(p!)).ToList();
                var body = operation["requestBody"]?["content"]?["application/json"]?["schema"] is { } schema ? Resolve(schema) : null;
                if (parameters.Count == 0 && body is null)
                {
                    continue; // nothing to malform (logout, me, …): headers alone are covered through the others
                }

                foreach (var bad in ForOperation(path, new HttpMethod(method.ToUpperInvariant()), parameters, body))
                {
                    yield return bad;
                }
            }
        }
    }

    private IEnumerable<BadRequest> ForOperation(string path, HttpMethod method, List<JsonNode> parameters, JsonNode? body)
    {
        var op = $"{method} {path}";
        var pathParams = parameters.Where(p => (string?)p["in"] == "path").Select(p => (string)p["name"]!).ToList();
        var queryParams = parameters.Where(p => (string?)p["in"] == "query").ToList();
        var baseUrl = pathParams.Aggregate(path, (url, name) => url.Replace("{" + name + "}", Guid.NewGuid().ToString(), StringComparison.Ordinal));
        var validBody = body is null ? null : "{}";
        var json = body is null ? null : "application/json";

        BadRequest Make(string url, string? payload, string? contentType, string @case, bool anonymous = false, params (string, string)[] headers) =>
            new(op, method, url, payload, contentType, headers, anonymous, @case);

        // Bad ids in the path.
        foreach (var name in pathParams)
        {
            foreach (var badId in BadIds)
            {
                var url = pathParams.Aggregate(path, (u, n) => u.Replace("{" + n + "}", n == name ? badId : Guid.NewGuid().ToString(), StringComparison.Ordinal));
                yield return Make(url, validBody, json, $"path {name}={badId}");
            }
        }

        // Bad query values.
        foreach (var parameter in queryParams)
        {
            var name = (string)parameter["name"]!;
            foreach (var (value, @case) in BadValues(Resolve(parameter["schema"]!)))
            {
                yield return Make($"{baseUrl}?{name}={Uri.EscapeDataString(value)}", validBody, json, $"query {name} {@case}");
            }

            yield return Make($"{baseUrl}?{name}={Uri.EscapeDataString(Huge[..10_000])}", validBody, json, $"query {name} 10k chars");
            foreach (var edge in InvalidText.Concat(UnusualText).Where(e => !char.IsSurrogate(e[0])))
            {
                yield return Make($"{baseUrl}?{name}={Uri.EscapeDataString(edge)}", validBody, json, $"query {name} unicode U+{(int)edge[0]:X4}");
            }

            yield return Make($"{baseUrl}?{name}=%00", validBody, json, $"query {name} NUL");
            yield return Make($"{baseUrl}?{name}=%FF%FE", validBody, json, $"query {name} invalid UTF-8");
        }

        if (body is null)
        {
            yield break;
        }

        // Broken JSON and wrong content types.
        foreach (var broken in BrokenJson)
        {
            yield return Make(baseUrl, broken, "application/json", $"broken JSON '{(broken.Length > 20 ? broken[..20] : broken)}'");
        }

        foreach (var contentType in WrongContentTypes)
        {
            yield return Make(baseUrl, "{\"a\":1}", contentType, $"content type {contentType}");
        }

        yield return Make(baseUrl, null, null, "no body");
        yield return Make(baseUrl, "{}", "application/json", "empty object (required fields missing)");
        yield return Make(baseUrl, "{}", "application/json", "anonymous", anonymous: true);
        yield return Make(baseUrl, "{\"unknownField\":1}", "application/json", "only an unknown field");
        yield return Make(baseUrl, "{}", "application/json", "bad If-Match", false, ("If-Match", "garbage"));
        yield return Make(baseUrl, "{}", "application/json", "bad If-Match quote", false, ("If-Match", "\""));
        yield return Make(baseUrl, "{}", "application/json", "huge Idempotency-Key", false, ("Idempotency-Key", new string('k', 5_000)));
        yield return Make(baseUrl, "{}", "application/json", "empty Idempotency-Key", false, ("Idempotency-Key", string.Empty));

        // Per property: each bad value alone (so the body is wrong twice: bad value, required fields missing).
        var properties = Properties(body);
        foreach (var (name, schema) in properties)
        {
            foreach (var (value, @case) in BadJsonValues(schema))
            {
                yield return Make(baseUrl, $"{{\"{name}\":{value}}}", "application/json", $"body {name} {@case}");
            }

            if ((string?)schema["type"] != "string" || schema["format"] is not null || schema["enum"] is not null)
            {
                continue;
            }

            foreach (var edge in InvalidText)
            {
                yield return Make(baseUrl, $"{{\"{name}\":{JsonString(edge)}}}", "application/json", $"body {name} invalid text U+{(int)edge[0]:X4}");
            }

            var othersWrong = properties.Where(p => p.Name != name).Select(p => $"\"{p.Name}\":{BadJsonValues(p.Schema).First().Json}").ToList();
            if (othersWrong.Count == 0)
            {
                continue; // a one-field body with a valid value is not a bad request
            }

            foreach (var edge in UnusualText)
            {
                yield return Make(baseUrl, $"{{\"{name}\":{JsonString(edge)},{string.Join(',', othersWrong)}}}", "application/json", $"body {name} unusual text U+{(int)edge[0]:X4}");
            }
        }
    }

    /// <summary>Query-string values of the wrong kind for the schema.</summary>
    private IEnumerable<(string Value, string Case)> BadValues(JsonNode schema)
    {
        var type = (string?)schema["type"];
        if (schema["enum"] is JsonArray)
        {
            yield return ("NotAValue", "invalid enum");
            yield return ("0", "enum as number");
            yield return ("", "empty enum");
        }
        else if (type == "array")
        {
            foreach (var item in BadValues(Resolve(schema["items"]!)))
            {
                yield return item;
            }
        }
        else if (type is "integer" or "number")
        {
            yield return ("abc", "not a number");
            yield return ("-1", "negative");
            yield return ("99999999999999999999", "overflow");
            yield return ("1.5e3", "exponent");
        }
        else if ((string?)schema["format"] == "uuid")
        {
            yield return ("not-a-guid", "not a uuid");
        }
        else if ((string?)schema["format"] == "date-time")
        {
            yield return ("yesterday", "not a date");
            yield return ("2026-13-45T99:00:00Z", "impossible date");
        }
        else if (type == "boolean")
        {
            yield return ("maybe", "not a boolean");
        }
        else
        {
            yield return ("eyJOIjoiJ09SIDE9MSJ9", "forged cursor-like value");
            yield return ("\u202E\u0000", "control characters");
        }
    }

    /// <summary>JSON values of the wrong kind for the property's schema, plus size extremes.</summary>
    private static IEnumerable<(string Json, string Case)> BadJsonValues(JsonNode schema)
    {
        var type = (string?)schema["type"];
        var format = (string?)schema["format"];
        if (schema["enum"] is JsonArray)
        {
            yield return ("\"NotAValue\"", "invalid enum");
            yield return ("7", "enum as number");
        }
        else if (type == "string" && format == "uuid")
        {
            yield return ("\"not-a-guid\"", "not a uuid");
            yield return ("123", "uuid as number");
        }
        else if (type == "string" && format == "date-time")
        {
            yield return ("\"tomorrow\"", "not a date");
            yield return ("1700000000", "date as number");
        }
        else if (type == "string")
        {
            yield return ("123", "number for string");
            yield return ("{}", "object for string");
            yield return ($"\"{Huge}\"", "100k chars");
        }
        else if (type is "integer" or "number")
        {
            yield return ("\"12\"", "string for number");
            yield return ("1e400", "out of range");
            yield return ("true", "boolean for number");
        }
        else if (type == "boolean")
        {
            yield return ("\"yes\"", "string for boolean");
            yield return ("1", "number for boolean");
        }
        else if (type == "array")
        {
            yield return ("{}", "object for array");
            yield return ("[" + string.Join(',', Enumerable.Repeat("\"x\"", 20_000)) + "]", "20k wrong items");
            yield return ("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "nested too deep");
        }
        else
        {
            yield return ("42", "number for object");
            yield return ("[]", "array for object");
            yield return ("\"text\"", "string for object");
        }

        yield return ("[1,{\"a\":[]}]", "mixed array");
    }

    private List<(string Name, JsonNode Schema)> Properties(JsonNode schema)
    {
        var properties = new List<(string, JsonNode)>();
        if (schema["properties"] is JsonObject props)
        {
            properties.AddRange(props.Select(p => (p.Key, Resolve(p.Value!))));
        }

        foreach (var part in (schema["allOf"] as JsonArray ?? []).Concat(schema["oneOf"] as JsonArray ?? []))
        {
            properties.AddRange(Properties(Resolve(part!)));
        }

        return properties;
    }

    /// <summary>Follows <c>$ref</c> (and a nullable wrapper: oneOf/anyOf/allOf of one schema).</summary>
    private JsonNode Resolve(JsonNode node)
    {
        for (var i = 0; i < 10; i++)
        {
            if ((string?)node["$ref"] is { } reference)
            {
                node = reference.TrimStart('#', '/').Split('/').Aggregate(document, (n, key) => n[key]!);
                continue;
            }

            var single = Combinators.Select(k => node[k] as JsonArray).FirstOrDefault(a => a is { Count: 1 });
            if (single is not null && node["properties"] is null)
            {
                node = single[0]!;
                continue;
            }

            break;
        }

        return node;
    }

    private static string JsonString(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c is < ' ' or > '~' ? $"\\u{(int)c:x4}" : c is '"' or '\\' ? "\\" + c : c.ToString());
        }

        return builder.Append('"').ToString();
    }
}

public sealed class MalformedInputSweepTestsOnSqlite(SqliteApiFactory factory, ITestOutputHelper output)
    : MalformedInputSweepTests(factory, output), IClassFixture<SqliteApiFactory>;

public sealed class MalformedInputSweepTestsOnPostgres(PostgresApiFactory factory, ITestOutputHelper output)
    : MalformedInputSweepTests(factory, output), IClassFixture<PostgresApiFactory>;
