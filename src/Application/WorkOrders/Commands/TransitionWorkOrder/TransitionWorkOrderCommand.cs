using System.Text.Json.Serialization;
using WorkOrders.Application.WorkOrders.Queries.GetWorkOrder;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.WorkOrders.Commands.TransitionWorkOrder;

/// <summary>Moves a work order through the status machine: publish, assign (to a provider, a team or
/// WorkMarket), unassign, start, wait for parts/vendor/customer, resume, complete, cancel. An illegal
/// transition is a 409 naming the current and the requested status. If-Match is optional here: when sent,
/// a stale version is a 412.</summary>
[Authorize(Roles = $"{Roles.Office},{Roles.Technician}")]
public sealed record TransitionWorkOrderCommand : ICommand<WorkOrderDto>
{
    [JsonIgnore]
    public Guid Id { get; init; }

    [JsonIgnore]
    public int? ExpectedVersion { get; init; }

    public WorkOrderAction Action { get; init; }

    /// <summary>Why (cancel, unassign, wait) or the completion notes (complete).</summary>
    public string? Reason { get; init; }

    /// <summary>For assign: the provider, or …</summary>
    public Guid? ProviderId { get; init; }

    /// <summary>… the team, or …</summary>
    public Guid? TeamId { get; init; }

    /// <summary>… the WorkMarket marketplace.</summary>
    public bool ToWorkMarket { get; init; }
}

public sealed class TransitionWorkOrderCommandValidator : AbstractValidator<TransitionWorkOrderCommand>
{
    public TransitionWorkOrderCommandValidator()
    {
        RuleFor(c => c.Action).IsInEnum();
        RuleFor(c => c.Reason).MaximumLength(WorkOrder.TextMaxLength);
        RuleFor(c => c).Must(c => new[] { c.ProviderId is not null, c.TeamId is not null, c.ToWorkMarket }.Count(x => x) == 1)
            .When(c => c.Action == WorkOrderAction.Assign)
            .WithName("action").WithMessage("Assign needs exactly one of 'providerId', 'teamId' or 'toWorkMarket'.");
        RuleFor(c => c).Must(c => c.ProviderId is null && c.TeamId is null && !c.ToWorkMarket)
            .When(c => c.Action != WorkOrderAction.Assign)
            .WithName("action").WithMessage("'providerId', 'teamId' and 'toWorkMarket' belong to the Assign action only.");
    }
}

public sealed class TransitionWorkOrderCommandHandler(IApplicationDbContext db, IMapper mapper, IUser user, TimeProvider clock, WorkOrderAccess access, IOutbox outbox)
    : IRequestHandler<TransitionWorkOrderCommand, WorkOrderDto>
{
    /// <summary>What a technician may do on the work assigned to it.</summary>
    private static readonly WorkOrderAction[] TechnicianActions =
        [WorkOrderAction.Start, WorkOrderAction.WaitForParts, WorkOrderAction.WaitForVendor, WorkOrderAction.WaitForCustomer, WorkOrderAction.Resume, WorkOrderAction.Complete];

    public async Task<WorkOrderDto> Handle(TransitionWorkOrderCommand request, CancellationToken cancellationToken)
    {
        if (access.IsRestrictedTechnician && !TechnicianActions.Contains(request.Action))
        {
            throw new ForbiddenAccessException($"Technicians may not {request.Action} work orders.");
        }

        var workOrder = await access.LoadAsync(request.Id, cancellationToken).ConfigureAwait(false);
        if (request.ExpectedVersion is { } expected)
        {
            PreconditionFailedException.ThrowIfStale("Work order", workOrder.Version, expected);
        }

        var actor = user.AsActor(clock);
        var wasWorkMarket = workOrder.Routing == RoutingKind.WorkMarket;
        if (request.Action == WorkOrderAction.Assign)
        {
            if (request.ProviderId is { } providerId)
            {
                var provider = await db.ServiceProviders.FindAsync([providerId], cancellationToken).ConfigureAwait(false)
                    ?? throw new ValidationException("providerId", "'Provider Id' is not a service provider.");
                workOrder.AssignToProvider(provider, actor);
            }
            else if (request.TeamId is { } teamId)
            {
                var team = await db.ServiceProviderTeams.FindAsync([teamId], cancellationToken).ConfigureAwait(false)
                    ?? throw new ValidationException("teamId", "'Team Id' is not a team.");
                workOrder.AssignToTeam(team, actor);
            }
            else
            {
                workOrder.SendToWorkMarket(actor);
            }
        }
        else
        {
            workOrder.Apply(request.Action, actor, request.Reason);
        }

        // Sent to WorkMarket by this transition: dispatch it; taken away from WorkMarket (unassigned, re-routed, cancelled): withdraw it.
        if (WorkMarketDispatch.For(workOrder.Id, wasWorkMarket, workOrder.Routing == RoutingKind.WorkMarket, workOrder.IsOpen) is { } dispatch)
        {
            await outbox.EnqueueAsync([dispatch], cancellationToken).ConfigureAwait(false);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await GetWorkOrderQueryHandler.ReadAsync(db.WorkOrders, db, mapper, workOrder.Id, cancellationToken).ConfigureAwait(false);
    }
}
