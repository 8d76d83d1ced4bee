using WorkOrders.Application.Notifications;

namespace WorkOrders.Infrastructure.Email;

/// <summary>One piece of equipment to be serviced.</summary>
public sealed record EquipmentLine(string Name, string? Model, string? SerialNumber);

/// <summary>What a notification says about its work order, read at delivery time (current data).</summary>
public sealed record NotificationContent(
    EmailTemplate Template,
    string Number,
    string Title,
    string ServiceRequested,
    string Status,
    string CustomerName,
    string ContactName,
    string ContactEmail,
    string? RequesterName,
    string? RequesterEmail,
    string SiteName,
    string SiteAddress,
    DateTime? ScheduledStart,
    string? Instructions,
    string? CompletionNotes,
    DateTime? CompletedAt,
    string? ProviderName,
    string? ProviderEmail,
    IReadOnlyList<EquipmentLine> Equipment);

/// <summary>A rendered e-mail: subject, plain text and simple HTML.</summary>
public sealed record RenderedEmail(string Subject, string Text, string Html);
