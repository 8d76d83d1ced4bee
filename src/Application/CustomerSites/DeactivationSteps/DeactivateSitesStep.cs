using WorkOrders.Application.Customers.Commands.DeactivateCustomer;
using WorkOrders.Domain.Customers;
using WorkOrders.Domain.CustomerSites;

namespace WorkOrders.Application.CustomerSites.DeactivationSteps;

/// <summary>Deactivation cascade: every active site of the customer is deactivated.</summary>
public sealed class DeactivateSitesStep(IApplicationDbContext db) : ICustomerDeactivationStep
{
    public int Order => 10;

    public async Task<DeactivationImpact> RunAsync(Customer customer, string reason, DateTime at, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var sites = await db.CustomerSites
            .Where(s => s.CustomerId == customer.Id && s.Status == SiteStatus.Active)
            .OrderBy(s => s.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (!dryRun)
        {
            sites.ForEach(s => s.Deactivate(reason, at));
        }

        return new DeactivationImpact("sites", "deactivated", sites.Count,
            sites.Take(DeactivationImpact.MaxListedItems).Select(s => new ImpactedItem(s.Id, s.Name)).ToList());
    }
}
