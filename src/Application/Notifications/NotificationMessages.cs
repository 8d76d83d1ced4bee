using System.Text.Json.Serialization;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.Notifications;

/// <summary>The e-mails of PRODUCT.md "Notifications (email)". Each is an outbox row; the text is rendered when
/// the row is delivered, from the data as it is then.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EmailTemplate>))]
public enum EmailTemplate
{
    /// <summary>The work order is open ("New"): to the customer's primary contact, and to the requester when someone else opened it; PDF attached.</summary>
    Opened,

    /// <summary>Assigned to a service provider: the provider gets the details.</summary>
    Assigned,

    /// <summary>Waiting for parts / on a vendor / on the customer: the customer is told.</summary>
    Waiting,

    /// <summary>Still waiting on the customer after the reminder delay with no customer response.</summary>
    WaitingOnCustomerReminder,

    /// <summary>Completed: number and a PDF with the completion notes.</summary>
    Completed,

    /// <summary>Open for over a week: a follow-up to the customer.</summary>
    OpenFollowUp,
}

/// <summary>Payload of an <see cref="NotificationMessages.EmailType"/> outbox row.</summary>
public sealed record EmailNotificationPayload(EmailTemplate Template, Guid WorkOrderId, Guid? ProviderId = null, string? Status = null);

/// <summary>Payload of a <see cref="NotificationMessages.ReminderType"/> outbox row: (re)schedule or cancel the
/// WaitingOnCustomer reminder of one work order. <see cref="WaitingSince"/> is when the wait began.</summary>
public sealed record ReminderSchedulePayload(Guid WorkOrderId, bool Cancel, DateTime? WaitingSince);

/// <summary>Builds the outbox envelopes for notifications. Keys name the message for the receiver and for
/// de-duplication (<c>followup:{id}</c> is written once per work order).</summary>
public static class NotificationMessages
{
    public const string EmailType = "Email";
    public const string ReminderType = "WaitingOnCustomerReminder";

    public static string FollowUpKey(Guid workOrderId) => $"followup:{workOrderId}";

    public static OutboxEnvelope Opened(Guid workOrderId) =>
        new(EmailType, $"email:opened:{workOrderId}", new EmailNotificationPayload(EmailTemplate.Opened, workOrderId));

    public static OutboxEnvelope Assigned(Guid workOrderId, Guid providerId) =>
        new(EmailType, $"email:assigned:{workOrderId}:{providerId}", new EmailNotificationPayload(EmailTemplate.Assigned, workOrderId, providerId));

    public static OutboxEnvelope Waiting(Guid workOrderId, WorkOrderStatus status) =>
        new(EmailType, $"email:{status.ToString().ToLowerInvariant()}:{workOrderId}", new EmailNotificationPayload(EmailTemplate.Waiting, workOrderId, null, status.ToString()));

    public static OutboxEnvelope Reminder(Guid workOrderId, DateTime waitingSince) =>
        new(EmailType, $"email:reminder:{workOrderId}:{waitingSince.Ticks}", new EmailNotificationPayload(EmailTemplate.WaitingOnCustomerReminder, workOrderId));

    public static OutboxEnvelope Completed(Guid workOrderId) =>
        new(EmailType, $"email:completed:{workOrderId}", new EmailNotificationPayload(EmailTemplate.Completed, workOrderId));

    public static OutboxEnvelope FollowUp(Guid workOrderId) =>
        new(EmailType, FollowUpKey(workOrderId), new EmailNotificationPayload(EmailTemplate.OpenFollowUp, workOrderId));

    public static OutboxEnvelope ScheduleReminder(Guid workOrderId, DateTime waitingSince) =>
        new(ReminderType, $"reminder:{workOrderId}", new ReminderSchedulePayload(workOrderId, false, waitingSince));

    public static OutboxEnvelope CancelReminder(Guid workOrderId) =>
        new(ReminderType, $"reminder:{workOrderId}", new ReminderSchedulePayload(workOrderId, true, null));
}

/// <summary>Payload of a <see cref="PortalInvitationMessages.Type"/> outbox row. The token travels here only until the
/// e-mail is delivered: the handler then blanks it in the row (the database keeps only the link's hash).</summary>
public sealed record PortalInvitationPayload(Guid LinkId, string? Token);

/// <summary>The portal invitation e-mail: the link to the view, to the recipient, CC to the team managers.</summary>
public static class PortalInvitationMessages
{
    public const string Type = "PortalInvitation";

    public static OutboxEnvelope Invitation(Guid linkId, string token) =>
        new(Type, $"portal-invitation:{linkId}", new PortalInvitationPayload(linkId, token));
}
