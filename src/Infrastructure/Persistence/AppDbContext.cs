using System.Reflection;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using WorkOrders.Application.Common.Interfaces;
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
using WorkOrders.Infrastructure.Identity;

namespace WorkOrders.Infrastructure.Persistence;

/// <summary>The one database context: Identity's tables and the product's aggregates, on SQLite or PostgreSQL.</summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser>(options), IApplicationDbContext, IUnitOfWork
{
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerSite> CustomerSites => Set<CustomerSite>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<Asset> Assets => Set<Asset>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ServiceProvider> ServiceProviders => Set<ServiceProvider>();
    public DbSet<ServiceProviderTeam> ServiceProviderTeams => Set<ServiceProviderTeam>();
    public DbSet<WorkOrder> WorkOrders => Set<WorkOrder>();
    public DbSet<LineItem> LineItems => Set<LineItem>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();
    public DbSet<WorkOrderTask> WorkOrderTasks => Set<WorkOrderTask>();
    public DbSet<TimeEntry> TimeEntries => Set<TimeEntry>();
    public DbSet<CreditHourAccount> CreditHourAccounts => Set<CreditHourAccount>();
    public DbSet<CreditHourEntry> CreditHourEntries => Set<CreditHourEntry>();
    public DbSet<WorkMarketSync> WorkMarketSyncs => Set<WorkMarketSync>();
    public DbSet<LineItemDecision> LineItemDecisions => Set<LineItemDecision>();
    public DbSet<EstimateSignature> EstimateSignatures => Set<EstimateSignature>();
    public DbSet<PortalLink> PortalLinks => Set<PortalLink>();
    public DbSet<PortalAccess> PortalAccessLog => Set<PortalAccess>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    public async Task<T> ExecuteInTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken).ConfigureAwait(false);
        }

        var strategy = Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(
            (Context: this, Work: work),
            static async (_, state, ct) =>
            {
                // A retried attempt starts from a clean slate: nothing half-applied from the failed one.
                state.Context.ChangeTracker.Clear();
                await using var transaction = await state.Context.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
                var result = await state.Work(ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return result;
            },
            null,
            cancellationToken).ConfigureAwait(false);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(Assembly.GetExecutingAssembly());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Times are UTC everywhere; SQLite cannot compare DateTimeOffset, so the model uses DateTime (UTC) only.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
        if (IsSqlite)
        {
            // SQLite stores decimal as TEXT and cannot compare or sum it in SQL: store hours and money as REAL there.
            configurationBuilder.Properties<decimal>().HaveConversion<double>();
        }
    }
}
