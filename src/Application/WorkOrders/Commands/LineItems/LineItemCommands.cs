using System.Text.Json.Serialization;
using WorkOrders.Application.WorkOrders.Queries.GetWorkOrder;

namespace WorkOrders.Application.WorkOrders.Commands.LineItems;

/// <summary>The line items ("discrepancies") of a work order, with their approval status.</summary>
[Authorize(Roles = Roles.WorkOrderReaders)]
public sealed record GetLineItemsQuery(Guid WorkOrderId) : IRequest<IReadOnlyList<LineItemDto>>;

/// <summary>Adds a line item (Pending customer approval).</summary>
[Authorize(Roles = Roles.Office)]
public sealed record AddLineItemCommand : ICommand<LineItemDto>
{
    [JsonIgnore]
    public Guid WorkOrderId { get; init; }

    public string Description { get; init; } = string.Empty;
    public decimal EstimatedLabourHours { get; init; }
    public decimal PartsCost { get; init; }
    public decimal HourlyRate { get; init; }
}

/// <summary>Edits a line item; a decided item goes back to Pending (the customer is asked again).</summary>
[Authorize(Roles = Roles.Office)]
public sealed record UpdateLineItemCommand : ICommand<LineItemDto>
{
    [JsonIgnore]
    public Guid WorkOrderId { get; init; }

    [JsonIgnore]
    public Guid LineItemId { get; init; }

    public string Description { get; init; } = string.Empty;
    public decimal EstimatedLabourHours { get; init; }
    public decimal PartsCost { get; init; }
    public decimal HourlyRate { get; init; }
}

internal static class LineItemRules
{
    public static void Add<T>(AbstractValidator<T> v, Func<T, string> description, Func<T, decimal> hours, Func<T, decimal> parts, Func<T, decimal> rate)
    {
        v.RuleFor(x => description(x)).NotEmpty().MaximumLength(1000).OverridePropertyName("description");
        v.RuleFor(x => hours(x)).InclusiveBetween(0m, 10_000m).OverridePropertyName("estimatedLabourHours");
        v.RuleFor(x => parts(x)).InclusiveBetween(0m, 100_000_000m).OverridePropertyName("partsCost");
        v.RuleFor(x => rate(x)).InclusiveBetween(0m, 100_000m).OverridePropertyName("hourlyRate");
    }
}

public sealed class AddLineItemCommandValidator : AbstractValidator<AddLineItemCommand>
{
    public AddLineItemCommandValidator() => LineItemRules.Add(this, c => c.Description, c => c.EstimatedLabourHours, c => c.PartsCost, c => c.HourlyRate);
}

public sealed class UpdateLineItemCommandValidator : AbstractValidator<UpdateLineItemCommand>
{
    public UpdateLineItemCommandValidator() => LineItemRules.Add(this, c => c.Description, c => c.EstimatedLabourHours, c => c.PartsCost, c => c.HourlyRate);
}

public sealed class LineItemHandlers(IApplicationDbContext db, IMapper mapper, TimeProvider clock, WorkOrderAccess access)
    : IRequestHandler<GetLineItemsQuery, IReadOnlyList<LineItemDto>>,
      IRequestHandler<AddLineItemCommand, LineItemDto>,
      IRequestHandler<UpdateLineItemCommand, LineItemDto>
{
    public async Task<IReadOnlyList<LineItemDto>> Handle(GetLineItemsQuery request, CancellationToken cancellationToken)
    {
        var visible = await access.VisibleAsync(cancellationToken).ConfigureAwait(false);
        if (!await visible.AnyAsync(w => w.Id == request.WorkOrderId, cancellationToken).ConfigureAwait(false))
        {
            throw NotFoundException.For("Work order", request.WorkOrderId);
        }

        return await db.LineItems.AsNoTracking().Where(i => i.WorkOrderId == request.WorkOrderId).OrderBy(i => i.CreatedAt)
            .ProjectTo<LineItemDto>(mapper.ConfigurationProvider).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<LineItemDto> Handle(AddLineItemCommand request, CancellationToken cancellationToken)
    {
        var workOrder = await access.LoadAsync(request.WorkOrderId, cancellationToken).ConfigureAwait(false);
        var item = workOrder.AddLineItem(request.Description, request.EstimatedLabourHours, request.PartsCost, request.HourlyRate, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return mapper.Map<LineItemDto>(item);
    }

    public async Task<LineItemDto> Handle(UpdateLineItemCommand request, CancellationToken cancellationToken)
    {
        var workOrder = await access.LoadAsync(request.WorkOrderId, cancellationToken).ConfigureAwait(false);
        if (workOrder.LineItems.All(i => i.Id != request.LineItemId))
        {
            throw NotFoundException.For("Line item", request.LineItemId);
        }

        var item = workOrder.UpdateLineItem(request.LineItemId, request.Description, request.EstimatedLabourHours, request.PartsCost, request.HourlyRate);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return mapper.Map<LineItemDto>(item);
    }
}
