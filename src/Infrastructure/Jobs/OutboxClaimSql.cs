using Microsoft.EntityFrameworkCore;
using WorkOrders.Infrastructure.Persistence;

namespace WorkOrders.Infrastructure.Jobs;

/// <summary>A message as the claim returns it.</summary>
internal sealed class ClaimedOutboxRow
{
    public Guid Id { get; set; }
    public string Type { get; set; } = string.Empty;
    public string Key { get; set; } = string.Empty;
    public string Payload { get; set; } = "{}";
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>The provider-specific claim of due outbox messages. Each is ONE statement, so it is its own short
/// transaction: the rows are leased (AvailableAt pushed to <c>lease</c>) and their attempt counted before any
/// delivery starts.</summary>
internal static class OutboxClaimSql
{
    public static IQueryable<ClaimedOutboxRow> Claim(AppDbContext db, DateTime now, DateTime lease, int batch) =>
        db.IsSqlite
            // SQLite: a write takes the database's single write lock, so the select-and-update is atomic.
            ? db.Database.SqlQuery<ClaimedOutboxRow>($"""
                UPDATE "OutboxMessages" SET "AvailableAt" = {lease}, "Attempts" = "Attempts" + 1
                WHERE "Id" IN (
                    SELECT "Id" FROM "OutboxMessages"
                    WHERE "ProcessedAt" IS NULL AND "DeadLetteredAt" IS NULL AND "AvailableAt" <= {now}
                    ORDER BY "AvailableAt" LIMIT {batch})
                RETURNING "Id", "Type", "Key", "Payload", "Attempts", "CreatedAt"
                """)
            // PostgreSQL: rows another processor is claiming right now are skipped, not waited for.
            : db.Database.SqlQuery<ClaimedOutboxRow>($"""
                UPDATE "OutboxMessages" AS m SET "AvailableAt" = {lease}, "Attempts" = m."Attempts" + 1
                FROM (
                    SELECT "Id" FROM "OutboxMessages"
                    WHERE "ProcessedAt" IS NULL AND "DeadLetteredAt" IS NULL AND "AvailableAt" <= {now}
                    ORDER BY "AvailableAt" LIMIT {batch}
                    FOR UPDATE SKIP LOCKED) AS due
                WHERE m."Id" = due."Id"
                RETURNING m."Id", m."Type", m."Key", m."Payload", m."Attempts", m."CreatedAt"
                """);
}
