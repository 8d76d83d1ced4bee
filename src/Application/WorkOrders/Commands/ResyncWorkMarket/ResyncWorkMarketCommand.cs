using WorkOrders.Application.WorkOrders.Queries.GetWorkOrder;
using WorkOrders.Domain.Common;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.WorkOrders.Commands.ResyncWorkMarket;

/// <summary>Dispatches a WorkMarket-routed work order again (after a failure, or to refresh its state): a new
/// dispatch outbox row with a key of its own, the sync state back to Pending. 409 when the work order is not
/// (or no longer) routed to WorkMarket, or is closed or deleted. The dispatch looks the assignment up by our
/// work order before creating anything, so a re-sync never creates a second assignment.</summary>
[Authorize(Roles = Roles.Dispatcher)]
public sealed record ResyncWorkMarketCommand(Guid Id) : ICommand<WorkMarketSyncDto>;

public sealed class ResyncWorkMarketCommandHandler(IApplicationDbContext db, IOutbox outbox, IMapper mapper, TimeProvider clock, WorkOrderAccess access)
    : IRequestHandler<ResyncWorkMarketCommand, WorkMarketSyncDto>
{
    public async Task<WorkMarketSyncDto> Handle(ResyncWorkMarketCommand request, CancellationToken cancellationToken)
    {
        var workOrder = await access.LoadAsync(request.Id, cancellationToken).ConfigureAwait(false);
        var rule = new WorkOrderMustBeRoutedToWorkMarket(workOrder);
        if (rule.IsBroken())
        {
            throw new BusinessRuleException(rule);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var sync = await db.WorkMarketSyncs.SingleOrDefaultAsync(s => s.WorkOrderId == workOrder.Id, cancellationToken).ConfigureAwait(false);
        if (sync is null)
        {
            sync = WorkMarketSync.Start(workOrder.Id, now);
            db.WorkMarketSyncs.Add(sync);
        }
        else
        {
            sync.Requeued(now);
        }

        await outbox.EnqueueAsync(
            [new OutboxEnvelope(WorkMarketDispatch.Type, WorkMarketDispatch.ResyncKey(workOrder.Id, Guid.CreateVersion7()), new WorkMarketDispatch.Payload(workOrder.Id))],
            cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return mapper.Map<WorkMarketSyncDto>(sync);
    }
}
