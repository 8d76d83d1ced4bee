using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.WorkOrders.Queries.GetWorkOrder;

[Authorize(Roles = Roles.WorkOrderReaders)]
public sealed record GetWorkOrderQuery(Guid Id) : IRequest<WorkOrderDto>;

public sealed class GetWorkOrderQueryHandler(IApplicationDbContext db, IMapper mapper, WorkOrderAccess access)
    : IRequestHandler<GetWorkOrderQuery, WorkOrderDto>
{
    public async Task<WorkOrderDto> Handle(GetWorkOrderQuery request, CancellationToken cancellationToken)
    {
        var visible = await access.VisibleAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAsync(visible, db, mapper, request.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the full detail of one work order from <paramref name="source"/> (untracked), or 404.
    /// Commands call it after saving to answer with what is now stored.</summary>
    public static async Task<WorkOrderDto> ReadAsync(IQueryable<WorkOrder> source, IApplicationDbContext db, IMapper mapper, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var workOrder = await source.AsNoTracking()
            .Include(w => w.LineItems).Include(w => w.Comments).Include(w => w.History).Include(w => w.Tasks)
            .SingleOrDefaultAsync(w => w.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw NotFoundException.For("Work order", id);
        return await DescribeAsync(db, mapper, workOrder, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The detail DTO of a loaded work order, with the names of what it refers to (one query).</summary>
    public static async Task<WorkOrderDto> DescribeAsync(IApplicationDbContext db, IMapper mapper, WorkOrder workOrder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mapper);
        ArgumentNullException.ThrowIfNull(workOrder);
        var names = await db.Customers.AsNoTracking().Where(c => c.Id == workOrder.CustomerId).Select(c => new
        {
            Customer = c.Name,
            Site = db.CustomerSites.Where(s => s.Id == workOrder.SiteId).Select(s => s.Name).FirstOrDefault(),
            Provider = db.ServiceProviders.Where(p => p.Id == workOrder.ProviderId).Select(p => p.Name).FirstOrDefault(),
            Team = db.ServiceProviderTeams.Where(t => t.Id == workOrder.TeamId).Select(t => t.Name).FirstOrDefault(),
        }).SingleAsync(cancellationToken).ConfigureAwait(false);
        var workMarket = await db.WorkMarketSyncs.AsNoTracking().Where(s => s.WorkOrderId == workOrder.Id)
            .ProjectTo<WorkMarketSyncDto>(mapper.ConfigurationProvider).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);

        return mapper.Map<WorkOrderDto>(workOrder) with
        {
            WorkMarket = workMarket,
            CustomerName = names.Customer,
            SiteName = names.Site ?? string.Empty,
            ProviderName = names.Provider,
            TeamName = names.Team,
        };
    }
}
