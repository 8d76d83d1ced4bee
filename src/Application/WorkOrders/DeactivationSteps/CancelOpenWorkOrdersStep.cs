using WorkOrders.Application.Customers.Commands.DeactivateCustomer;
using WorkOrders.Domain.Customers;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.WorkOrders.DeactivationSteps;

/// <summary>Deactivation cascade: every open work order of the customer (not Completed/Cancelled, not deleted)
/// is cancelled with the reason, and its open tasks with it. Each cancellation is in the history.</summary>
public sealed class CancelOpenWorkOrdersStep(IApplicationDbContext db, IUser user) : ICustomerDeactivationStep
{
    public int Order => 30;

    public async Task<DeactivationImpact> RunAsync(Customer customer, string reason, DateTime at, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var open = WorkOrderStatusMachine.OpenStatuses.ToList();
        var query = db.WorkOrders.Where(w => w.CustomerId == customer.Id && !w.IsDeleted && open.Contains(w.Status)).OrderBy(w => w.Number);

        if (dryRun)
        {
            var count = await query.CountAsync(cancellationToken).ConfigureAwait(false);
            var listed = await query.Take(DeactivationImpact.MaxListedItems).Select(w => new { w.Id, w.Number, w.Title })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var openTasks = await db.WorkOrderTasks.CountAsync(
                t => t.Status == WorkOrderTaskStatus.Open && query.Any(w => w.Id == t.WorkOrderId), cancellationToken).ConfigureAwait(false);
            return Impact(count, listed.Select(w => new ImpactedItem(w.Id, $"{WorkOrderNumber.Format(w.Number)} {w.Title}")).ToList(), openTasks);
        }

        var workOrders = await query.Include(w => w.Tasks).ToListAsync(cancellationToken).ConfigureAwait(false);
        var actor = new Actor(user.Id, user.Name ?? "system", at);
        var tasks = workOrders.Sum(w => w.Cancel(actor, reason));
        return Impact(workOrders.Count,
            workOrders.Take(DeactivationImpact.MaxListedItems).Select(w => new ImpactedItem(w.Id, $"{w.DisplayNumber} {w.Title}")).ToList(), tasks);
    }

    private static DeactivationImpact Impact(int count, IReadOnlyList<ImpactedItem> items, int tasks) =>
        new("workOrders", $"cancelled (with {tasks} open task{(tasks == 1 ? string.Empty : "s")})", count, items);
}
