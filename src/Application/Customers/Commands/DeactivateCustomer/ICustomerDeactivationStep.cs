using WorkOrders.Domain.Customers;

namespace WorkOrders.Application.Customers.Commands.DeactivateCustomer;

/// <summary>One part of the deactivation cascade (sites, contracts, work orders, ...). Each feature
/// contributes a step; the command runs them all in its transaction, in <see cref="Order"/>.
/// A step must report in a dry run exactly what it would change, and change nothing.</summary>
public interface ICustomerDeactivationStep
{
    int Order { get; }

    Task<DeactivationImpact> RunAsync(Customer customer, string reason, DateTime at, bool dryRun, CancellationToken cancellationToken);
}

/// <summary>What one step changed (or would change): a kind ("sites"), how many, and which (first 100).</summary>
public sealed record DeactivationImpact(string Kind, string Change, int Count, IReadOnlyList<ImpactedItem> Items)
{
    public const int MaxListedItems = 100;
}

public sealed record ImpactedItem(Guid Id, string Name);
