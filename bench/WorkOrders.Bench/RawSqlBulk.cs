using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Bench;

/// <summary>The change a bulk request makes, written by hand as one SQL statement in one transaction: lock the
/// applicable rows (id order), update them, insert one status-history row and one audit row per changed item
/// with the values the API writes (time-ordered v7 ids, the same reason and audit JSON), and return the changed
/// ids and numbers. This is the limit the API is measured against.</summary>
internal sealed class RawSqlBulk(NpgsqlDataSource dataSource, Who actor)
{
    /// <summary>A UUID v7 in SQL (PostgreSQL 15 has no uuidv7()): the millisecond time over the first 48 bits of
    /// a random UUID, version nibble set to 7 — what Guid.CreateVersion7() makes.</summary>
    private const string NewV7 =
        "encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid";

    public Task<List<(Guid Id, long Number)>> PublishAsync(IReadOnlyList<Guid> ids, CancellationToken ct) =>
        RunAsync(BulkAction.Publish, ids, extraSet: string.Empty, provider: null, note: "Bulk action", ct);

    public Task<List<(Guid Id, long Number)>> AssignProviderAsync(IReadOnlyList<Guid> ids, Guid providerId, string providerName, CancellationToken ct) =>
        RunAsync(BulkAction.AssignProvider, ids, extraSet: """, "Routing" = 'Provider', "ProviderId" = @provider, "TeamId" = NULL""", providerId,
            note: $"Assigned to {providerName} (bulk)", ct);

    private async Task<List<(Guid Id, long Number)>> RunAsync(
        BulkAction bulkAction, IReadOnlyList<Guid> ids, string extraSet, Guid? provider, string note, CancellationToken ct)
    {
        var action = WorkOrderBulkRules.StatusAction(bulkAction)!.Value;
        var sql = $"""
            WITH target AS (
                SELECT "Id", "Status" FROM "WorkOrders"
                WHERE "Id" = ANY(@ids) AND NOT "IsDeleted" AND "Status" = ANY(@from)
                ORDER BY "Id" FOR UPDATE),
            changed AS (
                UPDATE "WorkOrders" w
                SET "Status" = @to, "StatusChangedAt" = @now, "Version" = w."Version" + 1, "UpdatedAt" = @now, "UpdatedBy" = @by{extraSet}
                FROM target t WHERE w."Id" = t."Id"
                RETURNING w."Id", w."Number", t."Status" AS "From"),
            history AS (
                INSERT INTO "StatusHistory" ("Id", "WorkOrderId", "From", "To", "Action", "ChangedBy", "ChangedByName", "ChangedAt", "Reason")
                SELECT {NewV7}, c."Id", c."From", @to, @action, @by, @byName, @now, @note FROM changed c),
            audit AS (
                INSERT INTO "AuditEntries" ("Id", "At", "UserId", "EntityType", "EntityId", "Action", "Changes")
                SELECT {NewV7}, @now, @by, 'WorkOrder', c."Id", @auditAction, @changesHead || c."From" || @changesTail FROM changed c)
            SELECT "Id", "Number" FROM changed
            """;

        // The audit JSON the handler serializes: {"action":"Publish","from":"Draft","reason":"Bulk action"}.
        var changesHead = "{\"action\":\"" + bulkAction + "\",\"from\":\"";
        var changesTail = "\",\"reason\":" + JsonSerializer.Serialize(note) + "}";

        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", [.. ids]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("from", WorkOrderStatusMachine.AllowedFrom(action).Select(s => s.ToString()).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string>("to", WorkOrderStatusMachine.Target(action).ToString()));
        command.Parameters.Add(new NpgsqlParameter<DateTime>("now", DateTime.UtcNow) { NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter("by", NpgsqlDbType.Varchar) { Value = (object?)actor.UserId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<string>("byName", actor.Name));
        command.Parameters.Add(new NpgsqlParameter<string>("action", action.ToString()));
        command.Parameters.Add(new NpgsqlParameter<string>("auditAction", $"Bulk{bulkAction}"));
        command.Parameters.Add(new NpgsqlParameter<string>("note", note));
        command.Parameters.Add(new NpgsqlParameter<string>("changesHead", changesHead));
        command.Parameters.Add(new NpgsqlParameter<string>("changesTail", changesTail));
        if (provider is { } p)
        {
            command.Parameters.Add(new NpgsqlParameter<Guid>("provider", p));
        }

        var changed = new List<(Guid, long)>(ids.Count);
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                changed.Add((reader.GetGuid(0), reader.GetInt64(1)));
            }
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return changed;
    }
}
