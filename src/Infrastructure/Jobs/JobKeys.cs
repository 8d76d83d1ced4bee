using Quartz;

namespace WorkOrders.Infrastructure.Jobs;

/// <summary>The identities of our Quartz jobs and triggers (stable: a persistent store recognises them at the next start).</summary>
public static class JobKeys
{
    public const string Group = "workorders";
    public const string ReminderTriggerGroup = "waiting-on-customer";

    public static readonly JobKey OutboxProcessor = new("outbox-processor", Group);
    public static readonly TriggerKey OutboxProcessorTrigger = new("outbox-processor", Group);
    public static readonly JobKey OpenWorkFollowUp = new("open-work-follow-up", Group);
    public static readonly TriggerKey OpenWorkFollowUpTrigger = new("open-work-follow-up", Group);
    public static readonly JobKey PortalLinkPurge = new("portal-token-expiry", Group);
    public static readonly TriggerKey PortalLinkPurgeTrigger = new("portal-token-expiry", Group);
    public static readonly JobKey WaitingOnCustomerReminder = new("waiting-on-customer-reminder", Group);

    /// <summary>One reminder trigger per work order: scheduling again replaces it, leaving WaitingOnCustomer removes it.</summary>
    public static TriggerKey Reminder(Guid workOrderId) => new($"reminder-{workOrderId}", ReminderTriggerGroup);
}
