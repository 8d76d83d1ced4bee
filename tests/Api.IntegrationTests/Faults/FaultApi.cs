using System.Globalization;
using System.Net.Http.Json;

namespace WorkOrders.Api.IntegrationTests.Faults;

/// <summary>The few API calls the fault tests make, and the settings of a node that runs the jobs.</summary>
public static class FaultApi
{
    public sealed record BulkAnswer(int Requested, int Succeeded, int Failed);

    public static async Task<BulkAnswer> PublishAsync(HttpClient client, IReadOnlyCollection<Guid> ids)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/work-orders/bulk", UriKind.Relative), new { action = "Publish", ids });
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return System.Text.Json.JsonSerializer.Deserialize<BulkAnswer>(body, HttpAssertions.Json)!;
    }

    /// <summary>A node that runs the scheduler (clustered on PostgreSQL) and sends mail to <paramref name="smtpPort"/>.</summary>
    public static Dictionary<string, string> JobNode(string connectionString, int smtpPort, int batchSize = 50, string claimLease = "00:00:10")
    {
        var settings = ApiProcess.BaseSettings(connectionString);
        settings["Jobs__Enabled"] = "true";
        settings["Jobs__SchedulerName"] = "faults";
        settings["Jobs__OutboxPollInterval"] = "00:00:01";
        settings["Jobs__BatchSize"] = batchSize.ToString(CultureInfo.InvariantCulture);
        settings["Jobs__ClaimLease"] = claimLease;
        settings["Jobs__FollowUpScanInterval"] = "00:00:02";
        settings["Email__Host"] = "127.0.0.1";
        settings["Email__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture);
        settings["Email__TimeoutSeconds"] = "10";
        return settings;
    }

    public const string PendingSql = """SELECT COUNT(*) FROM "OutboxMessages" WHERE "ProcessedAt" IS NULL AND "DeadLetteredAt" IS NULL""";

    public const string DeadLetteredSql = """SELECT COUNT(*) FROM "OutboxMessages" WHERE "DeadLetteredAt" IS NOT NULL""";

    /// <summary>Waits until no outbox message is pending; returns when the last one was marked processed.</summary>
    public static async Task WaitDrainedAsync(string connectionString, TimeSpan timeout, Func<string> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var deadline = DateTime.UtcNow + timeout;
        long pending;
        while ((pending = await Sql.CountAsync(connectionString, PendingSql)) > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{pending} outbox messages still pending after {timeout}.\n{diagnostics()}");
            }

            await Task.Delay(250);
        }
    }

    public static string ExpectedMessageId(Guid outboxId) => string.Create(CultureInfo.InvariantCulture, $"{outboxId:N}@workorders.local");
}
