using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using WorkOrders.Api.IntegrationTests.WorkOrderTests;
using Xunit.Abstractions;

namespace WorkOrders.Api.IntegrationTests.Faults;

/// <summary>The API process under a steady stream of reads and writes while its PostgreSQL (a cluster of the test's
/// own) is stopped for 5 seconds and started again: while it is down the API answers 503 + Retry-After
/// (ProblemDetails), never 500; it answers 2xx again within 10 s of PostgreSQL being back; and every write it
/// acknowledged with 201 is there afterwards.</summary>
[Collection(FaultsSequence.Name)]
public sealed class PostgresRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Workers = 4;
    private ThrowAwayPostgres? _postgres;
    private ApiProcess? _api;

    public async Task InitializeAsync() => _postgres = await ThrowAwayPostgres.StartAsync();

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    private sealed record Outcome(TimeSpan Started, TimeSpan Ended, string Kind, int Status, bool RetryAfter, string? ContentType, Guid? Created);

    [Fact]
    public async Task DatabaseRestartedUnderLoad_503WithRetryAfter_RecoversWithin10s_NoAcknowledgedWriteLost()
    {
        var connection = _postgres!.ConnectionString("workorders");
        var settings = ApiProcess.BaseSettings(connection);
        settings["Database__MigrateOnStartup"] = "true";
        settings["Database__MaxRetryCount"] = "2";
        settings["Database__MaxRetryDelay"] = "00:00:01";
        _api = await ApiProcess.StartAsync("api", settings);
        using var client = await _api.AdminAsync(TimeSpan.FromSeconds(60));
        var (customer, site) = await Wo.CustomerWithSiteAsync(client);

        var clock = Stopwatch.StartNew();
        var outcomes = new ConcurrentQueue<Outcome>();
        var acknowledged = new ConcurrentQueue<Guid>();
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var started = clock.Elapsed;
                HttpResponseMessage response;
                string kind;
                if (i % 2 == 0 || acknowledged.IsEmpty)
                {
                    kind = "write";
                    response = await client.PostAsJsonAsync(new Uri("/api/v1/work-orders", UriKind.Relative),
                        Wo.Body(customer.Id, site.Id, $"Restart load {w}-{i}", source: "Phone"), HttpAssertions.Json);
                }
                else
                {
                    kind = "read";
                    var some = acknowledged.ElementAt(Random.Shared.Next(acknowledged.Count));
                    response = await client.GetAsync(new Uri($"/api/v1/work-orders/{some}", UriKind.Relative));
                }

                using (response)
                {
                    Guid? created = null;
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        created = (await response.Content.ReadFromJsonAsync<WoDetail>(HttpAssertions.Json))!.Id;
                        acknowledged.Enqueue(created.Value);
                    }

                    outcomes.Enqueue(new Outcome(started, clock.Elapsed, kind, (int)response.StatusCode, response.Headers.RetryAfter is not null,
                        response.Content.Headers.ContentType?.MediaType, created));
                }
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(3));
        var downAt = clock.Elapsed;
        await _postgres.StopServerAsync();
        var stoppedAt = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(5));
        await _postgres.StartServerAsync();
        var upAt = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(12));
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var all = outcomes.ToList();
        var byStatus = all.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
        var unavailable = all.Where(o => o.Status == 503).ToList();
        var firstBack = all.Where(o => o.Started >= upAt && o.Status is >= 200 and < 300).MinBy(o => o.Ended);
        var recovery = firstBack is null ? TimeSpan.MaxValue : firstBack.Ended - upAt;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"postgres restart: {all.Count} requests by {Workers} workers ({string.Join(", ", byStatus)}); down {downAt.TotalSeconds:0.0}-{upAt.TotalSeconds:0.0} s (stop took {(stoppedAt - downAt).TotalSeconds:0.0} s); first 2xx after the restart {recovery.TotalSeconds:0.00} s after PostgreSQL was back; {acknowledged.Count} writes acknowledged"));

        // Never a 500 (or anything but success and 503); every 503 is ProblemDetails with Retry-After.
        all.Where(o => o.Status is not (>= 200 and < 300) and not 503).ShouldBeEmpty();
        unavailable.ShouldNotBeEmpty("the database was down for 5 s: some request must have been told so");
        unavailable.ShouldAllBe(o => o.RetryAfter && o.ContentType == "application/problem+json");
        unavailable.ShouldAllBe(o => o.Ended >= downAt);

        // Back within 10 s; everything sent 10 s after the restart succeeded.
        recovery.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(10));
        var late = all.Where(o => o.Started >= upAt + TimeSpan.FromSeconds(10)).ToList();
        late.ShouldNotBeEmpty();
        late.ShouldAllBe(o => o.Status >= 200 && o.Status < 300);

        // No acknowledged write lost: every 201'd id is readable, and in the table.
        foreach (var id in acknowledged)
        {
            using var read = await client.GetAsync(new Uri($"/api/v1/work-orders/{id}", UriKind.Relative));
            read.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var inList = "'" + string.Join("','", acknowledged) + "'";
        (await Sql.CountAsync(connection, $"""SELECT COUNT(*) FROM "WorkOrders" WHERE "Id" IN ({inList})""")).ShouldBe(acknowledged.Count);
    }
}
