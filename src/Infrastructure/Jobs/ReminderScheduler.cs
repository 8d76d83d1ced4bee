using System.Text.Json;
using Quartz;
using WorkOrders.Application.Notifications;
using WorkOrders.Infrastructure.Persistence.Outbox;

namespace WorkOrders.Infrastructure.Jobs;

/// <summary>Delivers <see cref="NotificationMessages.ReminderType"/> outbox rows into the scheduler: a persisted
/// one-off trigger per work order (key <see cref="JobKeys.Reminder"/>) at the start of the wait plus
/// <see cref="JobsOptions.ReminderAfter"/>, or its removal. Going through the outbox means the trigger is
/// written if and only if the status change committed, and is never lost if the scheduler is briefly down.</summary>
public sealed class ReminderScheduler(ISchedulerFactory schedulers, JobsOptions options, TimeProvider clock) : IOutboxMessageHandler
{
    public const string WorkOrderIdKey = "workOrderId";
    public const string WaitingSinceKey = "waitingSince";

    public string Type => NotificationMessages.ReminderType;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = JsonSerializer.Deserialize<ReminderSchedulePayload>(message.Payload)
            ?? throw new PermanentOutboxFailureException("Empty reminder payload.");
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var key = JobKeys.Reminder(payload.WorkOrderId);
        if (payload.Cancel || payload.WaitingSince is null)
        {
            await scheduler.UnscheduleJob(key, cancellationToken).ConfigureAwait(false);
            return;
        }

        var waitingSince = DateTime.SpecifyKind(payload.WaitingSince.Value, DateTimeKind.Utc);
        var fireAt = new DateTimeOffset(waitingSince + options.ReminderAfter);
        var trigger = TriggerBuilder.Create(clock)
            .WithIdentity(key)
            .ForJob(JobKeys.WaitingOnCustomerReminder)
            .UsingJobData(WorkOrderIdKey, payload.WorkOrderId.ToString())
            .UsingJobData(WaitingSinceKey, waitingSince.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .StartAt(fireAt)
            .Build();

        // Replacing: a retried delivery (or a new wait) overwrites the trigger in one store operation.
        await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
    }
}
