using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;
using WorkOrders.Domain.ServiceProviders;

namespace WorkOrders.Bench;

internal sealed record BulkOptions(
    string Connection, Uri Api, string Email, string Password, int Rounds, int Warmup, int Count, int Customers, int Providers, string? Out, string Revision);

/// <summary>The bulk benchmark. Each round generates two fresh sets of Draft work orders; the API publishes the
/// first set (POST /work-orders/bulk, one request) and then assigns it to a provider; raw SQL makes the same two
/// changes to the second set. Every step is checked afterwards (status, history and audit rows of every item) and
/// the API's rows are compared with raw SQL's, so both sides provably did the same work. The side that goes first
/// alternates between rounds; warm-up rounds are run and reported but not counted.</summary>
internal static class BulkBenchmark
{
    private const string ApiPublish = "API publish";
    private const string ApiAssign = "API assign";
    private const string ApiKeyed = "API publish+key";
    private const string RawPublish = "raw SQL publish";
    private const string RawAssign = "raw SQL assign";
    private static readonly string[] Kinds = ["work order", "history", "audit"];

    private const string Method =
        "API: one `POST /api/v1/work-orders/bulk` as the Admin (cookie session + X-XSRF-TOKEN), timed from sending the request to the last byte "
        + "of the answer, body serialized beforehand; \"with an Idempotency-Key\" is the same publish on a third set, whose answer the API stores. Raw SQL: one statement in one transaction over Npgsql (lock the applicable rows in id order, "
        + "UPDATE, INSERT the status-history and audit rows with the same values, return the changed ids and numbers), timed from opening the pooled "
        + "connection to COMMIT. After each step the benchmark checks every item's status, history row and audit row, and that the API and raw SQL "
        + "wrote the same row contents.";

    public static async Task RunAsync(BulkOptions o, TextWriter log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(log);
        using var generator = new DataGenerator(o.Connection, log);
        await using var database = NpgsqlDataSource.Create(o.Connection);
        var machine = Machine.Describe(database);
        var loadBefore = Machine.LoadAverage();
        log.WriteLine($"machine: {machine}; load average {loadBefore}");

        var who = generator.FindUser(o.Email);
        if (who.UserId is null)
        {
            throw new InvalidOperationException($"No user {o.Email} in the database: start the API once with WorkOrders:Bootstrap:AdminEmail/AdminPassword.");
        }

        var reference = generator.EnsureReferenceData(o.Customers, o.Providers, who);
        var provider = reference.Providers.FirstOrDefault(p => p.Kind == ServiceProviderKind.PartnerCompany) ?? reference.Providers[0];
        using var api = await ApiClient.SignInAsync(o.Api, o.Email, o.Password, ct).ConfigureAwait(false);
        var raw = new RawSqlBulk(database, who);

        var rounds = new List<Round>();
        Dictionary<string, string>? apiRows = null;
        Dictionary<string, string>? rawRows = null;
        for (var r = -o.Warmup; r < o.Rounds; r++)
        {
            var round = new Round(r < 0 ? $"warm-up {r + o.Warmup + 1}" : $"{r + 1}", r < 0);
            log.WriteLine($"round {round.Name}:");
            var apiIds = generator.GenerateWorkOrders(reference, o.Count, who, progress: false);
            var rawIds = generator.GenerateWorkOrders(reference, o.Count, who, progress: false);
            var keyedIds = generator.GenerateWorkOrders(reference, o.Count, who, progress: false);
            Analyze(database);

            async Task ApiSide()
            {
                var publish = await api.BulkAsync(JsonSerializer.SerializeToUtf8Bytes(new { action = "Publish", ids = apiIds }), ct).ConfigureAwait(false);
                Expect(publish.Succeeded == o.Count && publish.Failed == 0, $"API publish changed {publish.Succeeded} (failed {publish.Failed}) of {o.Count}");
                round.Record(ApiPublish, publish.Elapsed, log, $"{publish.ResponseBytes / 1024.0:N0} KiB answer");
                round.ResponseBytes = publish.ResponseBytes;
                var published = Verify(database, apiIds, "Publish", "BulkPublish");

                var assign = await api.BulkAsync(JsonSerializer.SerializeToUtf8Bytes(new { action = "AssignProvider", ids = apiIds, providerId = provider.Id }), ct)
                    .ConfigureAwait(false);
                Expect(assign.Succeeded == o.Count && assign.Failed == 0, $"API assign changed {assign.Succeeded} (failed {assign.Failed}) of {o.Count}");
                round.Record(ApiAssign, assign.Elapsed, log, $"{assign.ResponseBytes / 1024.0:N0} KiB answer");
                apiRows = Merge(published, Verify(database, apiIds, "Assign", "BulkAssignProvider"));

                // The same publish with an Idempotency-Key: the answer is stored with the change (and replayed to a retry).
                var key = $"bench-{Guid.NewGuid():N}";
                var keyed = await api.BulkAsync(JsonSerializer.SerializeToUtf8Bytes(new { action = "Publish", ids = keyedIds }), ct, key).ConfigureAwait(false);
                Expect(keyed.Succeeded == o.Count && keyed.Failed == 0, $"API publish with Idempotency-Key changed {keyed.Succeeded} (failed {keyed.Failed}) of {o.Count}");
                round.Record(ApiKeyed, keyed.Elapsed, log, "Idempotency-Key");
                Verify(database, keyedIds, "Publish", "BulkPublish");
                Expect(StoredAnswers(database, key) == 1, $"no stored answer for Idempotency-Key {key}");
            }

            async Task RawSide()
            {
                var started = Stopwatch.GetTimestamp();
                var published = await raw.PublishAsync(rawIds, ct).ConfigureAwait(false);
                round.Record(RawPublish, Stopwatch.GetElapsedTime(started), log, null);
                Expect(published.Count == o.Count, $"raw SQL publish changed {published.Count} of {o.Count}");
                var publishRows = Verify(database, rawIds, "Publish", "BulkPublish");

                started = Stopwatch.GetTimestamp();
                var assigned = await raw.AssignProviderAsync(rawIds, provider.Id, provider.Name, ct).ConfigureAwait(false);
                round.Record(RawAssign, Stopwatch.GetElapsedTime(started), log, null);
                Expect(assigned.Count == o.Count, $"raw SQL assign changed {assigned.Count} of {o.Count}");
                rawRows = Merge(publishRows, Verify(database, rawIds, "Assign", "BulkAssignProvider"));
            }

            if ((r & 1) == 0)
            {
                await ApiSide().ConfigureAwait(false);
                await RawSide().ConfigureAwait(false);
            }
            else
            {
                await RawSide().ConfigureAwait(false);
                await ApiSide().ConfigureAwait(false);
            }

            SameRows(apiRows!, rawRows!);
            rounds.Add(round);
        }

        var report = Report(o, machine, rounds, $"{loadBefore} at the start, {Machine.LoadAverage()} at the end");
        log.WriteLine();
        log.WriteLine(report);
        if (o.Out is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, report, ct).ConfigureAwait(false);
            log.WriteLine($"written to {path}");
        }
    }

    private static void Analyze(NpgsqlDataSource database)
    {
        using var command = database.CreateCommand("""ANALYZE "WorkOrders", "StatusHistory", "AuditEntries" """);
        command.ExecuteNonQuery();
    }

    /// <summary>Every item has the expected status, exactly one history row and one audit row for the action; returns
    /// the distinct row contents (without ids and times) so the API's rows can be compared with raw SQL's.</summary>
    private static Dictionary<string, string> Verify(NpgsqlDataSource database, List<Guid> ids, string historyAction, string auditAction)
    {
        using var command = database.CreateCommand("""
            SELECT 'work order', count(*), concat_ws(' | ', "Status", "Routing", "ProviderId", "TeamId", "UpdatedBy", "Version", "StatusChangedAt" = "UpdatedAt")
            FROM "WorkOrders" WHERE "Id" = ANY(@ids) GROUP BY 3
            UNION ALL
            SELECT 'history', count(*), concat_ws(' | ', "From", "To", "Action", "ChangedBy", "ChangedByName", "Reason", substr("Id"::text, 15, 1))
            FROM "StatusHistory" WHERE "WorkOrderId" = ANY(@ids) AND "Action" = @historyAction GROUP BY 3
            UNION ALL
            SELECT 'audit', count(*), concat_ws(' | ', "UserId", "EntityType", "Action", "Changes", substr("Id"::text, 15, 1))
            FROM "AuditEntries" WHERE "EntityId" = ANY(@ids) AND "Action" = @auditAction GROUP BY 3
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", [.. ids]));
        command.Parameters.Add(new NpgsqlParameter<string>("historyAction", historyAction));
        command.Parameters.Add(new NpgsqlParameter<string>("auditAction", auditAction));
        var rows = new Dictionary<string, string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var (kind, count, content) = (reader.GetString(0), reader.GetInt64(1), reader.GetString(2));
            Expect(count == ids.Count && !rows.ContainsKey(kind), $"{historyAction}: {count} of {ids.Count} {kind} rows are '{content}'");
            rows[kind] = content;
        }

        Expect(rows.Count == 3, $"{historyAction}: missing {string.Join(", ", Kinds.Except(rows.Keys))} rows");
        return rows.ToDictionary(r => $"{historyAction} {r.Key}", r => r.Value);
    }

    private static long StoredAnswers(NpgsqlDataSource database, string key)
    {
        using var command = database.CreateCommand("""SELECT count(*) FROM "IdempotencyRecords" WHERE "Key" = @key""");
        command.Parameters.Add(new NpgsqlParameter<string>("key", key));
        return (long)command.ExecuteScalar()!;
    }

    private static Dictionary<string, string> Merge(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Concat(b).ToDictionary(p => p.Key, p => p.Value);

    private static void SameRows(Dictionary<string, string> api, Dictionary<string, string> raw)
    {
        foreach (var (key, value) in api)
        {
            Expect(raw.TryGetValue(key, out var other) && other == value, $"{key}: the API wrote '{value}', raw SQL '{other}'");
        }
    }

    private static void Expect(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Benchmark check failed: " + failure);
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Report(BulkOptions o, Machine machine, List<Round> rounds, string load)
    {
        var counted = rounds.Where(r => !r.Warmup).ToList();
        double Med(string step) => Median(counted.Select(r => r.Ms[step]));
        string Range(string step) => string.Create(CultureInfo.InvariantCulture, $"{counted.Min(r => r.Ms[step]):N0}–{counted.Max(r => r.Ms[step]):N0}");
        var (apiPublish, apiAssign, rawPublish, rawAssign) = (Med(ApiPublish), Med(ApiAssign), Med(RawPublish), Med(RawAssign));
        var worst = Math.Max(apiPublish, apiAssign);
        var worstRatio = Math.Max(apiPublish / rawPublish, apiAssign / rawAssign);
        var n = o.Count.ToString("N0", CultureInfo.InvariantCulture);

        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        Line($"# Bulk benchmark: {n} work orders per request");
        Line($"");
        Line($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `bench/bulk.sh` on {o.Revision}: {o.Rounds} rounds (+{o.Warmup} warm-up, not counted), median wall time.");
        Line($"Machine: {machine}. Load average (1/5/15 min): {load}.");
        Line($"");
        Line($"| scenario ({n} Drafts) | API median | raw SQL median | API / raw SQL |");
        Line($"|---|---:|---:|---:|");
        Line($"| bulk publish | {apiPublish:N0} ms | {rawPublish:N0} ms | {apiPublish / rawPublish:0.0}× |");
        Line($"| bulk assign to a service provider | {apiAssign:N0} ms | {rawAssign:N0} ms | {apiAssign / rawAssign:0.0}× |");
        Line($"| bulk publish with an Idempotency-Key | {Med(ApiKeyed):N0} ms | {rawPublish:N0} ms | {Med(ApiKeyed) / rawPublish:0.0}× |");
        Line($"");
        Line($"Ranges over the counted rounds: API publish {Range(ApiPublish)} ms, API assign {Range(ApiAssign)} ms, API publish with key {Range(ApiKeyed)} ms, raw SQL publish {Range(RawPublish)} ms, raw SQL assign {Range(RawAssign)} ms.");
        Line($"The API's answer (a result per id) is {Median(counted.Select(r => (double)r.ResponseBytes)) / 1024:N0} KiB.");
        Line($"");
        var issue5 = worst < 2000 ? "met" : "missed";
        var issue8 = worst <= 1500 && worstRatio <= 4 ? "met" : "missed";
        Line($"Targets (without Idempotency-Key): issue 5 — {n} items well under 2 s: **{issue5}** ({worst:N0} ms); issue 8 — ≤ 1.5 s and ≤ 4× raw SQL: **{issue8}** ({worst:N0} ms, {worstRatio:0.0}×).");
        Line($"");
        md.AppendLine(Method);
        Line($"");
        Line($"| round | API publish | API assign | API publish with key | raw SQL publish | raw SQL assign |");
        Line($"|---|---:|---:|---:|---:|---:|");
        foreach (var r in rounds)
        {
            Line($"| {r.Name} | {r.Ms[ApiPublish]:N0} | {r.Ms[ApiAssign]:N0} | {r.Ms[ApiKeyed]:N0} | {r.Ms[RawPublish]:N0} | {r.Ms[RawAssign]:N0} |");
        }

        return md.ToString();
    }

    private sealed class Round(string name, bool warmup)
    {
        public string Name { get; } = name;
        public bool Warmup { get; } = warmup;
        public Dictionary<string, double> Ms { get; } = [];
        public int ResponseBytes { get; set; }

        public void Record(string step, TimeSpan elapsed, TextWriter log, string? note)
        {
            Ms[step] = elapsed.TotalMilliseconds;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {step,-16} {elapsed.TotalMilliseconds,8:N0} ms{(note is null ? string.Empty : "  " + note)}"));
        }
    }
}
