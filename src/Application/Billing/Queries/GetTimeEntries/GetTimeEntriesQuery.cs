using WorkOrders.Application.WorkOrders;

namespace WorkOrders.Application.Billing.Queries.GetTimeEntries;

/// <summary>The time entries of a work order (running timers included), oldest first.</summary>
[Authorize(Roles = Roles.TimeReaders)]
public sealed record GetTimeEntriesQuery(Guid WorkOrderId) : IRequest<IReadOnlyList<TimeEntryDto>>;

public sealed class GetTimeEntriesQueryHandler(IApplicationDbContext db, IMapper mapper, WorkOrderAccess access)
    : IRequestHandler<GetTimeEntriesQuery, IReadOnlyList<TimeEntryDto>>
{
    public async Task<IReadOnlyList<TimeEntryDto>> Handle(GetTimeEntriesQuery request, CancellationToken cancellationToken)
    {
        var visible = await access.VisibleAsync(cancellationToken).ConfigureAwait(false);
        if (!await visible.AnyAsync(w => w.Id == request.WorkOrderId, cancellationToken).ConfigureAwait(false))
        {
            throw NotFoundException.For("Work order", request.WorkOrderId);
        }

        return await db.TimeEntries.AsNoTracking().Where(e => e.WorkOrderId == request.WorkOrderId)
            .OrderBy(e => e.StartedAt).ThenBy(e => e.Id)
            .ProjectTo<TimeEntryDto>(mapper.ConfigurationProvider).ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
