using System.Text.Json.Serialization;

namespace WorkOrders.Application.Customers.Commands.DeactivateCustomer;

/// <summary>Deactivates a customer and, in the same transaction, everything that hangs off it (every
/// site deactivated, every active contract cancelled, every open work order cancelled, ...).
/// With <see cref="DryRun"/> it answers what it would change and changes nothing.</summary>
[Authorize(Roles = Roles.Office)]
public sealed record DeactivateCustomerCommand : ICommand<DeactivationResultDto>
{
    [JsonIgnore]
    public Guid Id { get; init; }

    /// <summary>Recorded on the customer and on everything the cascade cancels.</summary>
    public string? Reason { get; init; }

    public bool DryRun { get; init; }
}

public sealed record DeactivationResultDto(Guid CustomerId, bool DryRun, string Reason, IReadOnlyList<DeactivationImpact> Changes);

public sealed class DeactivateCustomerCommandValidator : AbstractValidator<DeactivateCustomerCommand>
{
    public DeactivateCustomerCommandValidator() => RuleFor(c => c.Reason).MaximumLength(500);
}

public sealed class DeactivateCustomerCommandHandler(
    IApplicationDbContext db, IEnumerable<ICustomerDeactivationStep> steps, TimeProvider clock)
    : IRequestHandler<DeactivateCustomerCommand, DeactivationResultDto>
{
    public async Task<DeactivationResultDto> Handle(DeactivateCustomerCommand request, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.FindAsync([request.Id], cancellationToken).ConfigureAwait(false)
            ?? throw NotFoundException.For("Customer", request.Id);
        var at = clock.GetUtcNow().UtcDateTime;
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? $"Customer '{customer.Name}' deactivated" : request.Reason.Trim();

        // The customer's own rule is checked in a dry run too, so the preview fails exactly as the real call would.
        customer.Deactivate(reason, at);

        var changes = new List<DeactivationImpact>();
        foreach (var step in steps.OrderBy(s => s.Order))
        {
            changes.Add(await step.RunAsync(customer, reason, at, request.DryRun, cancellationToken).ConfigureAwait(false));
        }

        if (!request.DryRun)
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return new DeactivationResultDto(customer.Id, request.DryRun, reason, changes);
    }
}
