using WorkOrders.Application.WorkOrders.Commands.BulkWorkOrders;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.Notifications.EventHandlers;

// The handlers run inside the command's transaction (domain events are dispatched before the commit), so each
// notification's outbox row commits with the change that causes it, or not at all.
//
// "Opened" means: the work order became visible as New (Published). Work opened from any source but Office is
// Published at once (WorkOrderCreated); an Office draft is internal until it is published (Draft → Published,
// one at a time or in bulk). A draft that is never published sends nothing.

/// <summary>Work opened already Published (portal, e-mail, phone, technician, event, partner): the opened e-mail.</summary>
public sealed class NotifyWhenWorkOrderCreated(IOutbox outbox) : INotificationHandler<DomainEventNotification<WorkOrderCreated>>
{
    public Task Handle(DomainEventNotification<WorkOrderCreated> notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var created = notification.DomainEvent;
        return created.Source == WorkOrderSource.Office
            ? Task.CompletedTask
            : outbox.EnqueueAsync([NotificationMessages.Opened(created.WorkOrderId)], cancellationToken);
    }
}

/// <summary>Status changes: published (opened), waiting (customer told; WaitingOnCustomer schedules the
/// reminder), leaving WaitingOnCustomer (reminder cancelled), completed.</summary>
public sealed class NotifyWhenWorkOrderStatusChanged(IOutbox outbox, TimeProvider clock) : INotificationHandler<DomainEventNotification<WorkOrderStatusChanged>>
{
    public Task Handle(DomainEventNotification<WorkOrderStatusChanged> notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var messages = For(notification.DomainEvent, clock.GetUtcNow().UtcDateTime);
        return messages.Count == 0 ? Task.CompletedTask : outbox.EnqueueAsync(messages, cancellationToken);
    }

    public static List<OutboxEnvelope> For(WorkOrderStatusChanged change, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(change);
        var id = change.WorkOrderId;
        var messages = new List<OutboxEnvelope>();
        if (change.From == WorkOrderStatus.Draft && change.To == WorkOrderStatus.Published)
        {
            messages.Add(NotificationMessages.Opened(id));
        }

        if (WorkOrderStatusMachine.IsWaiting(change.To) && change.From != change.To)
        {
            messages.Add(NotificationMessages.Waiting(id, change.To));
        }

        if (change.To == WorkOrderStatus.WaitingOnCustomer && change.From != WorkOrderStatus.WaitingOnCustomer)
        {
            messages.Add(NotificationMessages.ScheduleReminder(id, now));
        }
        else if (change.From == WorkOrderStatus.WaitingOnCustomer && change.To != WorkOrderStatus.WaitingOnCustomer)
        {
            messages.Add(NotificationMessages.CancelReminder(id));
        }

        if (change.To == WorkOrderStatus.Completed)
        {
            messages.Add(NotificationMessages.Completed(id));
        }

        return messages;
    }
}

/// <summary>Assigned to a service provider: the provider's e-mail. (Teams and WorkMarket have their own channels.)</summary>
public sealed class NotifyWhenWorkOrderAssigned(IOutbox outbox) : INotificationHandler<DomainEventNotification<WorkOrderAssigned>>
{
    public Task Handle(DomainEventNotification<WorkOrderAssigned> notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var assigned = notification.DomainEvent;
        return assigned is { Routing: RoutingKind.Provider, AssigneeId: { } providerId }
            ? outbox.EnqueueAsync([NotificationMessages.Assigned(assigned.WorkOrderId, providerId)], cancellationToken)
            : Task.CompletedTask;
    }
}

/// <summary>A deleted work order gets no reminder.</summary>
public sealed class CancelReminderWhenWorkOrderDeleted(IOutbox outbox) : INotificationHandler<DomainEventNotification<WorkOrderDeleted>>
{
    public Task Handle(DomainEventNotification<WorkOrderDeleted> notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return outbox.EnqueueAsync([NotificationMessages.CancelReminder(notification.DomainEvent.WorkOrderId)], cancellationToken);
    }
}

/// <summary>Bulk actions: one set-based enqueue for the whole batch (one COPY on PostgreSQL), no per-item round
/// trips. Bulk complete/cancel/delete of work that was waiting on the customer cancels its reminder (the
/// items are found with one query: the history rows this batch wrote, or the deleted rows' status).</summary>
public sealed class NotifyWhenWorkOrdersBulkChanged(IOutbox outbox, IApplicationDbContext db) : INotificationHandler<WorkOrdersBulkChanged>
{
    public async Task Handle(WorkOrdersBulkChanged notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var ids = notification.WorkOrderIds;
        var messages = notification.Action switch
        {
            BulkAction.Publish => ids.Select(NotificationMessages.Opened).ToList(),
            BulkAction.AssignProvider when notification.ProviderId is { } providerId => ids.Select(id => NotificationMessages.Assigned(id, providerId)).ToList(),
            BulkAction.Complete => ids.Select(NotificationMessages.Completed).ToList(),
            _ => [],
        };

        var leftWaiting = await LeftWaitingOnCustomerAsync(notification.Action, ids, cancellationToken).ConfigureAwait(false);
        messages.AddRange(leftWaiting.Select(NotificationMessages.CancelReminder));
        if (messages.Count > 0)
        {
            await outbox.EnqueueAsync(messages, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<List<Guid>> LeftWaitingOnCustomerAsync(BulkAction action, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case BulkAction.Complete or BulkAction.Cancel:
                // Completed and Cancelled are terminal: at most one such history row per work order, this batch's.
                var to = action == BulkAction.Complete ? WorkOrderStatus.Completed : WorkOrderStatus.Cancelled;
                return await db.StatusChanges.AsNoTracking()
                    .Where(h => ids.Contains(h.WorkOrderId) && h.From == WorkOrderStatus.WaitingOnCustomer && h.To == to)
                    .Select(h => h.WorkOrderId).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
            case BulkAction.Delete:
                // A delete keeps the status.
                return await db.WorkOrders.AsNoTracking()
                    .Where(w => ids.Contains(w.Id) && w.Status == WorkOrderStatus.WaitingOnCustomer)
                    .Select(w => w.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            default:
                return [];
        }
    }
}
