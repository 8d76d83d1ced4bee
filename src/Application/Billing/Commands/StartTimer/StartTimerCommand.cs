using WorkOrders.Application.Billing.Queries.GetTimeEntries;
using WorkOrders.Application.WorkOrders;

namespace WorkOrders.Application.Billing.Commands.StartTimer;

/// <summary>Starts the caller's timer on a work order that takes time (assigned, in progress, waiting). One
/// running timer per user per work order: a second start is a 409. Technicians only on their own work.</summary>
[Authorize(Roles = Roles.TimeKeepers)]
public sealed record StartTimerCommand(Guid WorkOrderId) : ICommand<TimeEntryResultDto>;

public sealed class StartTimerCommandHandler(IApplicationDbContext db, IMapper mapper, IUser user, TimeProvider clock, WorkOrderAccess access, IRowLocks locks)
    : IRequestHandler<StartTimerCommand, TimeEntryResultDto>
{
    public async Task<TimeEntryResultDto> Handle(StartTimerCommand request, CancellationToken cancellationToken)
    {
        var workOrder = await access.LoadWithTimeAsync(db, locks, request.WorkOrderId, cancellationToken).ConfigureAwait(false);
        var entry = workOrder.StartTimer(user.AsActor(clock));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new TimeEntryResultDto(mapper.Map<TimeEntryDto>(entry), workOrder.WorkedHours);
    }
}
