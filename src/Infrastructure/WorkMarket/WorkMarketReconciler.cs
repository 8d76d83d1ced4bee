using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using WorkOrders.Domain.WorkOrders;
using WorkOrders.Infrastructure.Persistence;

namespace WorkOrders.Infrastructure.WorkMarket;

public sealed record ReconciliationResult(int Seen, int Applied, long Cursor);

/// <summary>The backstop for lost webhooks: reads <c>list_updated</c> since the persisted cursor (WorkMarket's
/// meta.timestamp of the previous run, re-read with a small overlap against clock skew — applying a status twice
/// is a no-op), records each assignment's status on its sync state, and adopts an assignment found by our
/// external id for a sync that has none yet (a create whose answer was lost). Then stores the new cursor.</summary>
public sealed class WorkMarketReconciler(AppDbContext db, WorkMarketClient client, WorkMarketOptions options, TimeProvider clock, ILogger<WorkMarketReconciler> logger)
{
    public static readonly TimeSpan Overlap = TimeSpan.FromSeconds(30);

    public async Task<ReconciliationResult> RunAsync(CancellationToken cancellationToken)
    {
        var cursors = db.Set<WorkMarketCursor>();
        var cursor = await cursors.SingleOrDefaultAsync(c => c.Name == WorkMarketCursor.ListUpdated, cancellationToken).ConfigureAwait(false);
        if (cursor is null)
        {
            cursor = new WorkMarketCursor { Name = WorkMarketCursor.ListUpdated };
            cursors.Add(cursor);
        }

        var since = Math.Max(0, cursor.Value - (long)Overlap.TotalMilliseconds);
        var limit = Math.Clamp(options.PageSize, 1, 100);
        long? next = null;
        int seen = 0, applied = 0;
        for (var start = 0; ; start += limit)
        {
            var page = await client.ListUpdatedAsync(since, start, limit, cancellationToken).ConfigureAwait(false);
            next ??= page.Timestamp; // the first page's server time: changes made while paging are read next time
            seen += page.Items.Count;
            applied += await ApplyAsync(page.Items, cancellationToken).ConfigureAwait(false);
            if (page.Items.Count < limit || start + limit >= page.TotalResults)
            {
                break;
            }
        }

        cursor.Value = Math.Max(cursor.Value, next ?? cursor.Value);
        cursor.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        WorkMarketLog.Reconciled(logger, applied, cursor.Value);
        return new ReconciliationResult(seen, applied, cursor.Value);
    }

    private async Task<int> ApplyAsync(IReadOnlyList<WorkMarketAssignment> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var ids = items.Select(i => i.Id).ToList();
        var byAssignment = await db.WorkMarketSyncs.Where(s => s.AssignmentId != null && ids.Contains(s.AssignmentId))
            .ToDictionaryAsync(s => s.AssignmentId!, cancellationToken).ConfigureAwait(false);
        var numbers = items.Where(i => !byAssignment.ContainsKey(i.Id))
            .Select(i => long.TryParse(i.ExternalWorkId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (long?)null)
            .OfType<long>().ToList();
        var orphans = numbers.Count == 0 ? [] : await (
                from s in db.WorkMarketSyncs
                join w in db.WorkOrders on s.WorkOrderId equals w.Id
                where s.AssignmentId == null && numbers.Contains(w.Number)
                select new { Sync = s, w.Number })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var applied = 0;
        foreach (var item in items.Where(i => i.Status.Length > 0))
        {
            if (byAssignment.TryGetValue(item.Id, out var sync))
            {
                if (sync.WorkMarketStatus != item.Status)
                {
                    sync.Observed(item.Status, now);
                    applied++;
                }
            }
            else if (orphans.FirstOrDefault(o => o.Number.ToString(CultureInfo.InvariantCulture) == item.ExternalWorkId && o.Sync.AssignmentId is null) is { } orphan
                     && !WorkMarketClient.IsEnded(item.Status))
            {
                orphan.Sync.Created(item.Id, item.Status, now);
                applied++;
            }
        }

        return applied;
    }
}

/// <summary>Runs the reconciliation periodically (one at a time across the cluster's triggers of this job).</summary>
[DisallowConcurrentExecution]
public sealed class WorkMarketReconciliationJob(IServiceScopeFactory scopes, WorkMarketOptions options, ILogger<WorkMarketReconciliationJob> logger) : IJob
{
    public static readonly JobKey Key = new("workmarket-reconciliation", "workmarket");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<WorkMarketReconciler>().RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (WorkMarketException e)
        {
            // The next run tries again from the same cursor.
            WorkMarketLog.ReconciliationFailed(logger, e);
        }
    }
}
