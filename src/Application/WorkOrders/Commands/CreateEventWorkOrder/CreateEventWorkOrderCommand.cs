using System.Text.Json.Serialization;
using WorkOrders.Application.WorkOrders.Commands.CreateWorkOrder;
using WorkOrders.Application.WorkOrders.Queries.GetWorkOrder;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.WorkOrders.Commands.CreateEventWorkOrder;

public enum ServiceEventKind
{
    /// <summary>A customer moves in: reconnection.</summary>
    MoveIn,

    /// <summary>A customer moves out: disconnection.</summary>
    MoveOut,

    SpecialRead,
}

/// <summary>An event from the field or a partner system that opens a Published ("New") work order:
/// move-in → reconnection, move-out → disconnection, special read. Accepts Idempotency-Key.</summary>
[Authorize(Roles = $"{Roles.Office},{Roles.Partner}")]
public sealed record CreateEventWorkOrderCommand : ICommand<WorkOrderDto>, IIdempotentCommand
{
    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    public ServiceEventKind Kind { get; init; }
    public Guid CustomerId { get; init; }
    public Guid SiteId { get; init; }

    /// <summary>When the event happens (the move date, the read date): becomes the scheduled start.</summary>
    public DateTime? EffectiveAt { get; init; }

    /// <summary>The sender's reference (e.g. the account or meter number).</summary>
    public string? Reference { get; init; }

    public string? Notes { get; init; }
    public IReadOnlyList<Guid>? EquipmentIds { get; init; }
}

public sealed class CreateEventWorkOrderCommandValidator : AbstractValidator<CreateEventWorkOrderCommand>
{
    public CreateEventWorkOrderCommandValidator()
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.CustomerId).NotEmpty();
        RuleFor(c => c.SiteId).NotEmpty();
        RuleFor(c => c.Reference).MaximumLength(100);
        RuleFor(c => c.Notes).MaximumLength(WorkOrder.TextMaxLength);
        RuleFor(c => c.IdempotencyKey).MaximumLength(100);
        RuleFor(c => c.EquipmentIds).Must(e => e is null || e.Count <= 100).WithMessage("'Equipment Ids' may list at most 100 assets.");
    }
}

public sealed class CreateEventWorkOrderCommandHandler(IApplicationDbContext db, IMapper mapper, IUser user, TimeProvider clock, IWorkOrderNumbers numbers)
    : IRequestHandler<CreateEventWorkOrderCommand, WorkOrderDto>
{
    public async Task<WorkOrderDto> Handle(CreateEventWorkOrderCommand request, CancellationToken cancellationToken)
    {
        var (category, title) = request.Kind switch
        {
            ServiceEventKind.MoveIn => (WorkOrderCategory.Reconnection, "Move-in: reconnection"),
            ServiceEventKind.MoveOut => (WorkOrderCategory.Disconnection, "Move-out: disconnection"),
            _ => (WorkOrderCategory.SpecialRead, "Special read"),
        };
        if (!string.IsNullOrWhiteSpace(request.Reference))
        {
            title += $" ({request.Reference.Trim()})";
        }

        var details = new WorkOrderDetails(title, request.Notes is { Length: > 0 } notes ? notes : title, null, null, category,
            request.EffectiveAt?.ToUniversalTime(), null, request.EquipmentIds ?? []);
        var workOrder = await WorkOrderIntake.OpenAsync(db, user, clock, numbers, request.CustomerId, request.SiteId, null, details,
            request.EquipmentIds, WorkOrderSource.Event, null, cancellationToken).ConfigureAwait(false);
        return await GetWorkOrderQueryHandler.ReadAsync(db.WorkOrders, db, mapper, workOrder.Id, cancellationToken).ConfigureAwait(false);
    }
}
