using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Quartz;
using WorkOrders.Application.Common.Interfaces;
using WorkOrders.Application.Notifications;
using WorkOrders.Domain.WorkOrders;
using WorkOrders.Infrastructure.Persistence;
using WorkOrders.Infrastructure.Persistence.Outbox;

namespace WorkOrders.Infrastructure.Jobs;

/// <summary>Fires once per work order, <see cref="JobsOptions.ReminderAfter"/> after it began waiting on the
/// customer. Re-checks the state first: still WaitingOnCustomer, the same wait, not deleted, and no customer
/// comment since the wait began — only then enqueues the reminder e-mail (once per wait: keyed on it).</summary>
[DisallowConcurrentExecution]
public sealed class WaitingOnCustomerReminderJob(AppDbContext db, IOutbox outbox) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        if (!Guid.TryParse(data.GetString(ReminderScheduler.WorkOrderIdKey), out var workOrderId)
            || !long.TryParse(data.GetString(ReminderScheduler.WaitingSinceKey), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks))
        {
            return;
        }

        await SendIfStillWaitingAsync(workOrderId, new DateTime(ticks, DateTimeKind.Utc), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the reminder was enqueued.</summary>
    public async Task<bool> SendIfStillWaitingAsync(Guid workOrderId, DateTime waitingSince, CancellationToken cancellationToken)
    {
        var workOrder = await db.WorkOrders.AsNoTracking().Where(w => w.Id == workOrderId)
            .Select(w => new { w.Status, w.IsDeleted, w.WaitingSince }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (workOrder is null || workOrder.IsDeleted || workOrder.Status != WorkOrderStatus.WaitingOnCustomer)
        {
            return false;
        }

        // The wait that scheduled this reminder (a later wait has its own trigger) — to the second, as stored.
        var since = workOrder.WaitingSince ?? waitingSince;
        var customerResponded = await db.Comments.AsNoTracking()
            .AnyAsync(c => c.WorkOrderId == workOrderId && c.ByCustomer && c.DeletedAt == null && c.CreatedAt >= since, cancellationToken).ConfigureAwait(false);
        if (customerResponded)
        {
            return false;
        }

        var envelope = NotificationMessages.Reminder(workOrderId, since);
        if (await db.Set<OutboxMessage>().AnyAsync(m => m.Key == envelope.Key, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await outbox.EnqueueAsync([envelope], cancellationToken).ConfigureAwait(false);
        return true;
    }
}
