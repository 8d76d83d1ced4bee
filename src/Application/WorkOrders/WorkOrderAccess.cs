using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.WorkOrders;

/// <summary>Which work orders the caller may see: staff all, a partner those of its customers, a technician
/// (without an office role) those assigned to it or to its teams, the new unassigned work it may pick up, and the
/// work it opened itself. Deleted work orders are never visible.
/// Anything outside answers 404, so existence does not leak.</summary>
public sealed class WorkOrderAccess(IApplicationDbContext db, IUser user)
{
    private static readonly string[] Unrestricted =
        [Roles.Admin, Roles.Dispatcher, Roles.ProjectManager, Roles.TeamManager, Roles.AccountsReceivable];

    public bool IsRestrictedTechnician => user.IsInRole(Roles.Technician) && !Unrestricted.Any(user.IsInRole);

    /// <summary>The visible work orders (untracked).</summary>
    public async Task<IQueryable<WorkOrder>> VisibleAsync(CancellationToken cancellationToken)
    {
        var query = db.WorkOrders.AsNoTracking().Where(w => !w.IsDeleted);
        if (user.CustomerScope is { } scope)
        {
            query = query.Where(w => scope.Contains(w.CustomerId));
        }

        if (IsRestrictedTechnician)
        {
            var (providers, teams) = await MineAsync(cancellationToken).ConfigureAwait(false);
            var userId = user.Id;
            query = query.Where(w => (w.ProviderId != null && providers.Contains(w.ProviderId.Value))
                || (w.TeamId != null && teams.Contains(w.TeamId.Value))
                || (w.Status == WorkOrderStatus.Published && w.Routing == RoutingKind.Unassigned)
                || w.CreatedBy == userId);
        }

        return query;
    }

    /// <summary>The provider ids that are the caller, and the teams they belong to.</summary>
    public async Task<(List<Guid> Providers, List<Guid> Teams)> MineAsync(CancellationToken cancellationToken)
    {
        var userId = user.Id;
        var providers = await db.ServiceProviders.AsNoTracking().Where(p => p.UserId != null && p.UserId == userId)
            .Select(p => p.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var teams = new List<Guid>();
        if (providers.Count > 0)
        {
            var all = await db.ServiceProviderTeams.AsNoTracking().Select(t => new { t.Id, t.MemberIds }).ToListAsync(cancellationToken).ConfigureAwait(false);
            teams = all.Where(t => t.MemberIds.Any(providers.Contains)).Select(t => t.Id).ToList();
        }

        return (providers, teams);
    }

    /// <summary>Loads a visible work order for a change (tracked, with its children), or 404.</summary>
    public async Task<WorkOrder> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var visible = await VisibleAsync(cancellationToken).ConfigureAwait(false);
        if (!await visible.AnyAsync(w => w.Id == id, cancellationToken).ConfigureAwait(false))
        {
            throw NotFoundException.For("Work order", id);
        }

        return await db.WorkOrders
            .Include(w => w.LineItems).Include(w => w.Comments).Include(w => w.Tasks)
            .SingleAsync(w => w.Id == id, cancellationToken).ConfigureAwait(false);
    }
}
