using WorkOrders.Application.Billing.Queries.GetTimeEntries;
using WorkOrders.Application.WorkOrders;

namespace WorkOrders.Application.Billing.Commands.StopTimer;

/// <summary>Stops the caller's running timer on a work order: the time entry gets its end and its hours
/// (rounded to 0.01), which are added to the work order's worked hours. No running timer is a 409.</summary>
[Authorize(Roles = Roles.TimeKeepers)]
public sealed record StopTimerCommand(Guid WorkOrderId) : ICommand<TimeEntryResultDto>;

public sealed class StopTimerCommandHandler(IApplicationDbContext db, IMapper mapper, IUser user, TimeProvider clock, WorkOrderAccess access, IRowLocks locks)
    : IRequestHandler<StopTimerCommand, TimeEntryResultDto>
{
    public async Task<TimeEntryResultDto> Handle(StopTimerCommand request, CancellationToken cancellationToken)
    {
        var workOrder = await access.LoadWithTimeAsync(db, locks, request.WorkOrderId, cancellationToken).ConfigureAwait(false);
        var entry = workOrder.StopTimer(user.AsActor(clock));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new TimeEntryResultDto(mapper.Map<TimeEntryDto>(entry), workOrder.WorkedHours);
    }
}
