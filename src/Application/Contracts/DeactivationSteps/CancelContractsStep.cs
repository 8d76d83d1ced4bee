using WorkOrders.Application.Customers.Commands.DeactivateCustomer;
using WorkOrders.Domain.Contracts;
using WorkOrders.Domain.Customers;

namespace WorkOrders.Application.Contracts.DeactivationSteps;

/// <summary>Deactivation cascade: every active contract of the customer is cancelled with the reason.</summary>
public sealed class CancelContractsStep(IApplicationDbContext db) : ICustomerDeactivationStep
{
    public int Order => 20;

    public async Task<DeactivationImpact> RunAsync(Customer customer, string reason, DateTime at, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var contracts = await db.Contracts
            .Where(c => c.CustomerId == customer.Id && c.Status == ContractStatus.Active)
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (!dryRun)
        {
            contracts.ForEach(c => c.Cancel(reason, at));
        }

        return new DeactivationImpact("contracts", "cancelled", contracts.Count,
            contracts.Take(DeactivationImpact.MaxListedItems).Select(c => new ImpactedItem(c.Id, $"{c.Number} {c.Name}")).ToList());
    }
}
