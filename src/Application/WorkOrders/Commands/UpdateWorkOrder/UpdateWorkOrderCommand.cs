using System.Text.Json.Serialization;
using WorkOrders.Application.WorkOrders.Commands.CreateWorkOrder;
using WorkOrders.Application.WorkOrders.Queries.GetWorkOrder;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.WorkOrders.Commands.UpdateWorkOrder;

/// <summary>Replaces the editable details of an open work order (If-Match).</summary>
[Authorize(Roles = Roles.Office)]
public sealed record UpdateWorkOrderCommand : ICommand<WorkOrderDto>, IWorkOrderDetailsBody
{
    [JsonIgnore]
    public Guid Id { get; init; }

    [JsonIgnore]
    public int? ExpectedVersion { get; init; }

    public string Title { get; init; } = string.Empty;
    public string ServiceRequested { get; init; } = string.Empty;
    public string? Instructions { get; init; }
    public string? Materials { get; init; }
    public WorkOrderCategory Category { get; init; }
    public DateTime? ScheduledStart { get; init; }
    public DateTime? ScheduledEnd { get; init; }
    public IReadOnlyList<Guid>? EquipmentIds { get; init; }
}

public sealed class UpdateWorkOrderCommandValidator : AbstractValidator<UpdateWorkOrderCommand>
{
    public UpdateWorkOrderCommandValidator() => this.AddDetailsRules();
}

public sealed class UpdateWorkOrderCommandHandler(IApplicationDbContext db, IMapper mapper, WorkOrderAccess access)
    : IRequestHandler<UpdateWorkOrderCommand, WorkOrderDto>
{
    public async Task<WorkOrderDto> Handle(UpdateWorkOrderCommand request, CancellationToken cancellationToken)
    {
        var workOrder = await access.LoadAsync(request.Id, cancellationToken).ConfigureAwait(false);
        PreconditionFailedException.ThrowIfStale("Work order", workOrder.Version, request.ExpectedVersion);
        await db.EnsureEquipmentOfCustomerAsync(workOrder.CustomerId, request.EquipmentIds, cancellationToken).ConfigureAwait(false);
        workOrder.Update(request.ToDetails());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await GetWorkOrderQueryHandler.ReadAsync(db.WorkOrders, db, mapper, workOrder.Id, cancellationToken).ConfigureAwait(false);
    }
}
