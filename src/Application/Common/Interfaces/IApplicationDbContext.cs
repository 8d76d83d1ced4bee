using WorkOrders.Domain.Assets;
using WorkOrders.Domain.Billing;
using WorkOrders.Domain.Common;
using WorkOrders.Domain.Contracts;
using WorkOrders.Domain.Customers;
using WorkOrders.Domain.CustomerSites;
using WorkOrders.Domain.Partners;
using WorkOrders.Domain.Portal;
using WorkOrders.Domain.ServiceProviders;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.Common.Interfaces;

/// <summary>The application's port to its database: the aggregates' sets and one save.</summary>
public interface IApplicationDbContext
{
    DbSet<Customer> Customers { get; }
    DbSet<CustomerSite> CustomerSites { get; }
    DbSet<Contract> Contracts { get; }
    DbSet<Asset> Assets { get; }
    DbSet<ApiKey> ApiKeys { get; }
    DbSet<AuditEntry> AuditEntries { get; }
    DbSet<ServiceProvider> ServiceProviders { get; }
    DbSet<ServiceProviderTeam> ServiceProviderTeams { get; }
    DbSet<WorkOrder> WorkOrders { get; }
    DbSet<LineItem> LineItems { get; }
    DbSet<Comment> Comments { get; }
    DbSet<StatusChange> StatusChanges { get; }
    DbSet<WorkOrderTask> WorkOrderTasks { get; }
    DbSet<TimeEntry> TimeEntries { get; }
    DbSet<CreditHourAccount> CreditHourAccounts { get; }
    DbSet<CreditHourEntry> CreditHourEntries { get; }
    DbSet<WorkMarketSync> WorkMarketSyncs { get; }
    DbSet<LineItemDecision> LineItemDecisions { get; }
    DbSet<EstimateSignature> EstimateSignatures { get; }
    DbSet<PortalLink> PortalLinks { get; }
    DbSet<PortalAccess> PortalAccessLog { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
}
