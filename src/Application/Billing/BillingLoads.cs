using WorkOrders.Application.WorkOrders;
using WorkOrders.Domain.Billing;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.Billing;

/// <summary>How the time and billing use cases load what they change: the row locked first (so concurrent
/// requests on the same work order or bank run one after the other), then the current state.</summary>
internal static class BillingLoads
{
    /// <summary>Locks the work order's row, then loads it tracked — visible to the caller, or 404 — with its time entries.</summary>
    public static async Task<WorkOrder> LoadWithTimeAsync(
        this WorkOrderAccess access, IApplicationDbContext db, IRowLocks locks, Guid workOrderId, CancellationToken cancellationToken)
    {
        await locks.LockWorkOrderAsync(workOrderId, cancellationToken).ConfigureAwait(false);
        var workOrder = await access.LoadAsync(workOrderId, cancellationToken).ConfigureAwait(false);

        // Tracked, so the aggregate's TimeEntries collection is filled by the change tracker.
        await db.TimeEntries.Where(e => e.WorkOrderId == workOrderId).LoadAsync(cancellationToken).ConfigureAwait(false);
        return workOrder;
    }

    /// <summary>Locks the customer's row, then loads its credit-hour bank, opening it (added, not yet saved) when it has none.</summary>
    public static async Task<CreditHourAccount> LockedAccountAsync(IApplicationDbContext db, IRowLocks locks, Guid customerId, CancellationToken cancellationToken)
    {
        await locks.LockCustomerAsync(customerId, cancellationToken).ConfigureAwait(false);
        var account = await db.CreditHourAccounts.SingleOrDefaultAsync(a => a.Id == customerId, cancellationToken).ConfigureAwait(false);
        if (account is null)
        {
            account = CreditHourAccount.Open(customerId);
            db.CreditHourAccounts.Add(account);
        }

        return account;
    }

    /// <summary>The current balance of a customer's bank (0 before its first purchase or debit).</summary>
    public static async Task<decimal> BalanceAsync(IApplicationDbContext db, Guid customerId, CancellationToken cancellationToken) =>
        await db.CreditHourAccounts.AsNoTracking().Where(a => a.Id == customerId).Select(a => (decimal?)a.Balance)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? 0m;
}

/// <summary>The warning shown wherever a balance is negative.</summary>
public static class CreditHourWarnings
{
    public static string? For(decimal balance) => balance < 0
        ? $"The credit-hour balance is negative ({balance.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} h): the overage is invoiced."
        : null;

    public static string? ForProjected(decimal projected) => projected < 0
        ? $"Billing this job would take the credit-hour balance to {projected.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} h: the overage is invoiced."
        : null;
}
