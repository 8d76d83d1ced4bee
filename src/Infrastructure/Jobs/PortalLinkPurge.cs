using Microsoft.EntityFrameworkCore;
using Quartz;
using WorkOrders.Application.Portal;
using WorkOrders.Infrastructure.Persistence;

namespace WorkOrders.Infrastructure.Jobs;

/// <summary>The token-expiry job's work: deletes the portal links that expired or were revoked more than
/// <see cref="PortalOptions.PurgeAfter"/> ago (their access log goes with them, by cascade) — set-based, two statements.</summary>
public sealed class PortalLinkPurge(AppDbContext db, PortalOptions options, TimeProvider clock)
{
    /// <summary>Returns how many links were purged.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.PurgeAfter;
        var links = db.PortalLinks.Where(l => l.ExpiresAt <= cutoff || (l.RevokedAt != null && l.RevokedAt <= cutoff));
        await db.PortalAccessLog.Where(a => links.Any(l => l.Id == a.LinkId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        return await links.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Runs <see cref="PortalLinkPurge"/> every <see cref="PortalOptions.PurgeInterval"/>, once at a time across the cluster.</summary>
[DisallowConcurrentExecution]
public sealed class PortalLinkPurgeJob(PortalLinkPurge purge) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await purge.PurgeAsync(cancellationToken).ConfigureAwait(false);
}
