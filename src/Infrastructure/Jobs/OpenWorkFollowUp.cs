using Microsoft.EntityFrameworkCore;
using Quartz;
using WorkOrders.Infrastructure.Persistence;

namespace WorkOrders.Infrastructure.Jobs;

/// <summary>Finds the work orders open (not Completed/Cancelled, not deleted) for longer than
/// <see cref="JobsOptions.FollowUpAfter"/> that have no follow-up yet, and enqueues one follow-up e-mail each —
/// ONE INSERT … SELECT (set-based; the range on the indexed <c>CreatedAt</c>, the de-duplication on the indexed
/// outbox <c>Key</c> <c>followup:{id}</c>).</summary>
public sealed class OpenWorkFollowUp(AppDbContext db, JobsOptions options, TimeProvider clock)
{
    /// <summary>Returns how many follow-ups were enqueued.</summary>
    public Task<int> EnqueueDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now - options.FollowUpAfter;
        return db.IsSqlite
            ? db.Database.ExecuteSqlAsync($"""
                INSERT INTO "OutboxMessages" ("Id", "Type", "Key", "Payload", "CreatedAt", "AvailableAt", "Attempts")
                SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
                             || substr('89AB', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
                       'Email', 'followup:' || lower(w."Id"),
                       json_object('Template', 'OpenFollowUp', 'WorkOrderId', lower(w."Id")),
                       {now}, {now}, 0
                FROM "WorkOrders" AS w
                WHERE w."CreatedAt" <= {cutoff} AND w."IsDeleted" = 0 AND w."Status" NOT IN ('Completed', 'Cancelled')
                  AND NOT EXISTS (SELECT 1 FROM "OutboxMessages" AS o WHERE o."Key" = 'followup:' || lower(w."Id"))
                """, cancellationToken)
            : db.Database.ExecuteSqlAsync($"""
                INSERT INTO "OutboxMessages" ("Id", "Type", "Key", "Payload", "CreatedAt", "AvailableAt", "Attempts")
                SELECT gen_random_uuid(), 'Email', 'followup:' || w."Id"::text,
                       json_build_object('Template', 'OpenFollowUp', 'WorkOrderId', w."Id")::text,
                       {now}, {now}, 0
                FROM "WorkOrders" AS w
                WHERE w."CreatedAt" <= {cutoff} AND NOT w."IsDeleted" AND w."Status" NOT IN ('Completed', 'Cancelled')
                  AND NOT EXISTS (SELECT 1 FROM "OutboxMessages" AS o WHERE o."Key" = 'followup:' || w."Id"::text)
                """, cancellationToken);
    }
}

/// <summary>Runs <see cref="OpenWorkFollowUp"/> every <see cref="JobsOptions.FollowUpScanInterval"/>, once at a time across the cluster.</summary>
[DisallowConcurrentExecution]
public sealed class OpenWorkFollowUpJob(OpenWorkFollowUp followUp) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await followUp.EnqueueDueAsync(cancellationToken).ConfigureAwait(false);
}
