namespace WorkOrders.Application.WorkOrders.Commands.DeleteWorkOrder;

/// <summary>Soft delete: hidden from lists, audit trail and history kept; refused once invoiced or payment-approved.</summary>
[Authorize(Roles = Roles.Office)]
public sealed record DeleteWorkOrderCommand(Guid Id) : ICommand<Unit>;

public sealed class DeleteWorkOrderCommandHandler(IApplicationDbContext db, IUser user, TimeProvider clock, WorkOrderAccess access, IOutbox outbox)
    : IRequestHandler<DeleteWorkOrderCommand, Unit>
{
    public async Task<Unit> Handle(DeleteWorkOrderCommand request, CancellationToken cancellationToken)
    {
        var workOrder = await access.LoadAsync(request.Id, cancellationToken).ConfigureAwait(false);
        workOrder.Delete(user.AsActor(clock));
        if (WorkMarketDispatch.For(workOrder.Id, workOrder.Routing == Domain.WorkOrders.RoutingKind.WorkMarket, false, false) is { } withdraw)
        {
            await outbox.EnqueueAsync([withdraw], cancellationToken).ConfigureAwait(false);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Unit.Value;
    }
}
