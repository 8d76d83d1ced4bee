using System.Text.Json.Serialization;
using WorkOrders.Application.WorkOrders.Queries.GetWorkOrder;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.WorkOrders.Commands.CreateWorkOrder;

/// <summary>Opens a work order. Office staff create Drafts, or record one received by e-mail or phone (with the
/// requester); technicians open monitoring work; partners open work for their customers. All but Office start
/// Published ("New"). Accepts Idempotency-Key.</summary>
[Authorize(Roles = Roles.WorkOrderCreators)]
public sealed record CreateWorkOrderCommand : ICommand<WorkOrderDto>, IIdempotentCommand, IWorkOrderDetailsBody
{
    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    public Guid CustomerId { get; init; }
    public Guid SiteId { get; init; }
    public Guid? ContractId { get; init; }
    public string Title { get; init; } = string.Empty;
    public string ServiceRequested { get; init; } = string.Empty;
    public string? Instructions { get; init; }
    public string? Materials { get; init; }
    public WorkOrderCategory Category { get; init; }
    public DateTime? ScheduledStart { get; init; }
    public DateTime? ScheduledEnd { get; init; }
    public IReadOnlyList<Guid>? EquipmentIds { get; init; }

    /// <summary>Office (default), Email, Phone or Technician for staff; partners always create Partner work orders.</summary>
    public WorkOrderSource? Source { get; init; }

    /// <summary>Who asked, when not the customer's primary contact.</summary>
    public RequesterDto? Requester { get; init; }
}

public sealed record RequesterDto(string Name, string Email);

public sealed class CreateWorkOrderCommandValidator : AbstractValidator<CreateWorkOrderCommand>
{
    private static readonly WorkOrderSource[] StaffSources = [WorkOrderSource.Office, WorkOrderSource.Email, WorkOrderSource.Phone, WorkOrderSource.Technician];

    public CreateWorkOrderCommandValidator()
    {
        RuleFor(c => c.CustomerId).NotEmpty();
        RuleFor(c => c.SiteId).NotEmpty();
        RuleFor(c => c.IdempotencyKey).MaximumLength(100);
        this.AddDetailsRules();
        RuleFor(c => c.Source).Must(s => s is null || StaffSources.Contains(s.Value))
            .WithMessage($"'Source' must be one of: {string.Join(", ", StaffSources)} (events use POST /events).");
        RuleFor(c => c.Requester!.Name).NotEmpty().MaximumLength(200).When(c => c.Requester is not null).OverridePropertyName("requester.name");
        RuleFor(c => c.Requester!.Email).NotEmpty().ValidEmail().When(c => c.Requester is not null).OverridePropertyName("requester.email");
    }
}

public sealed class CreateWorkOrderCommandHandler(
    IApplicationDbContext db, IMapper mapper, IUser user, TimeProvider clock, IWorkOrderNumbers numbers, WorkOrderAccess access)
    : IRequestHandler<CreateWorkOrderCommand, WorkOrderDto>
{
    public async Task<WorkOrderDto> Handle(CreateWorkOrderCommand request, CancellationToken cancellationToken)
    {
        var source = user.IsInRole(Roles.Partner) ? WorkOrderSource.Partner
            : access.IsRestrictedTechnician ? WorkOrderSource.Technician
            : request.Source ?? WorkOrderSource.Office;
        var requester = request.Requester is { } r ? new Requester(r.Name, r.Email) : null;
        var workOrder = await WorkOrderIntake.OpenAsync(db, user, clock, numbers, request.CustomerId, request.SiteId, request.ContractId,
            request.ToDetails(), request.EquipmentIds, source, requester, cancellationToken).ConfigureAwait(false);
        return await GetWorkOrderQueryHandler.ReadAsync(db.WorkOrders, db, mapper, workOrder.Id, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The one way work orders are opened, whatever the source.</summary>
public static class WorkOrderIntake
{
    public static async Task<WorkOrder> OpenAsync(
        IApplicationDbContext db, IUser user, TimeProvider clock, IWorkOrderNumbers numbers,
        Guid customerId, Guid siteId, Guid? contractId, WorkOrderDetails details, IReadOnlyList<Guid>? equipmentIds,
        WorkOrderSource source, Requester? requester, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(numbers);
        user.EnsureCanAccessCustomer(customerId);
        var customer = await db.Customers.FindAsync([customerId], cancellationToken).ConfigureAwait(false)
            ?? throw new ValidationException("customerId", "'Customer Id' is not a customer.");
        var site = await db.CustomerSites.FindAsync([siteId], cancellationToken).ConfigureAwait(false);
        if (site is null || site.CustomerId != customer.Id)
        {
            throw new ValidationException("siteId", "'Site Id' is not a site of this customer.");
        }

        Domain.Contracts.Contract? contract = null;
        if (contractId is { } cid)
        {
            contract = await db.Contracts.FindAsync([cid], cancellationToken).ConfigureAwait(false);
            if (contract is null || contract.CustomerId != customer.Id)
            {
                throw new ValidationException("contractId", "'Contract Id' is not a contract of this customer.");
            }
        }

        await db.EnsureEquipmentOfCustomerAsync(customer.Id, equipmentIds, cancellationToken).ConfigureAwait(false);

        // The rules (active customer, active site, active contract) are checked before a number is taken.
        var number = await numbers.ReserveAsync(1, cancellationToken).ConfigureAwait(false);
        var workOrder = WorkOrder.Create(number, customer, site, contract, details, source, requester, user.AsActor(clock));
        db.WorkOrders.Add(workOrder);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return workOrder;
    }
}
