using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.WorkOrders.Commands.CreateWorkOrder;

/// <summary>Shared validation of the editable details (create and update).</summary>
public interface IWorkOrderDetailsBody
{
    string Title { get; }
    string ServiceRequested { get; }
    string? Instructions { get; }
    string? Materials { get; }
    WorkOrderCategory Category { get; }
    DateTime? ScheduledStart { get; }
    DateTime? ScheduledEnd { get; }
    IReadOnlyList<Guid>? EquipmentIds { get; }
}

public static class WorkOrderDetailsRules
{
    public static void AddDetailsRules<T>(this AbstractValidator<T> validator)
        where T : IWorkOrderDetailsBody
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(c => c.Title).NotEmpty().MaximumLength(WorkOrder.TitleMaxLength);
        validator.RuleFor(c => c.ServiceRequested).NotEmpty().MaximumLength(WorkOrder.TextMaxLength);
        validator.RuleFor(c => c.Instructions).MaximumLength(WorkOrder.TextMaxLength);
        validator.RuleFor(c => c.Materials).MaximumLength(WorkOrder.TextMaxLength);
        validator.RuleFor(c => c.Category).IsInEnum();
        validator.RuleFor(c => c.ScheduledEnd).GreaterThanOrEqualTo(c => c.ScheduledStart)
            .When(c => c.ScheduledStart is not null && c.ScheduledEnd is not null)
            .WithMessage("'Scheduled End' must not be before 'Scheduled Start'.");
        validator.RuleFor(c => c.EquipmentIds).Must(e => e is null || e.Count <= 100).WithMessage("'Equipment Ids' may list at most 100 assets.");
    }

    public static WorkOrderDetails ToDetails(this IWorkOrderDetailsBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new WorkOrderDetails(body.Title, body.ServiceRequested, body.Instructions, body.Materials, body.Category,
            body.ScheduledStart?.ToUniversalTime(), body.ScheduledEnd?.ToUniversalTime(), body.EquipmentIds ?? []);
    }

    /// <summary>Every equipment id must be an asset of the customer (at any of its sites).</summary>
    public static async Task EnsureEquipmentOfCustomerAsync(this IApplicationDbContext db, Guid customerId, IReadOnlyList<Guid>? equipmentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (equipmentIds is not { Count: > 0 })
        {
            return;
        }

        var ids = equipmentIds.Distinct().ToList();
        var found = await db.Assets.Where(a => a.CustomerId == customerId && ids.Contains(a.Id)).CountAsync(cancellationToken).ConfigureAwait(false);
        if (found != ids.Count)
        {
            throw new ValidationException("equipmentIds", "Every equipment id must be an asset of this customer.");
        }
    }
}
