using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkOrders.Application.Common.Interfaces;
using WorkOrders.Application.Notifications;
using WorkOrders.Infrastructure.Jobs;
using WorkOrders.Infrastructure.Pdf;
using WorkOrders.Infrastructure.Persistence;
using WorkOrders.Infrastructure.Persistence.Outbox;

namespace WorkOrders.Infrastructure.Email;

/// <summary>Delivers <see cref="NotificationMessages.EmailType"/> outbox rows: reads the work order as it is now,
/// picks the recipients, renders the template (and the PDF where one is attached) and sends it with a
/// Message-ID derived from the outbox row's id — the same on every retry of that row.</summary>
public sealed class EmailOutboxHandler(AppDbContext db, IEmailSender sender, EmailOptions options) : IOutboxMessageHandler
{
    public string Type => NotificationMessages.EmailType;

    /// <summary><c>&lt;{outbox id}@{domain}&gt;</c>: one id per logical message, stable across retries, so receivers de-duplicate.</summary>
    public static string MessageId(Guid outboxMessageId, string domain) => $"<{outboxMessageId:N}@{domain}>";

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        EmailNotificationPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<EmailNotificationPayload>(message.Payload);
        }
        catch (JsonException ex)
        {
            throw new PermanentOutboxFailureException("The e-mail payload is not valid.", ex);
        }

        if (payload is null)
        {
            throw new PermanentOutboxFailureException("Empty e-mail payload.");
        }

        var content = await NotificationContentReader.ReadAsync(db, payload, cancellationToken).ConfigureAwait(false)
            ?? throw new PermanentOutboxFailureException($"Work order {payload.WorkOrderId} (or its customer, site or provider) no longer exists.");
        if (content.Deleted)
        {
            return; // nothing to tell about deleted work
        }

        var recipients = Recipients(content.Content);
        if (recipients.Count == 0)
        {
            throw new PermanentOutboxFailureException("The notification has no recipient.");
        }

        var rendered = EmailTemplates.Render(content.Content);
        List<EmailAttachment> attachments = content.Content.Template is EmailTemplate.Opened or EmailTemplate.Completed
            ? [new EmailAttachment($"work-order-{content.Content.Number}.pdf", "application/pdf", WorkOrderPdf.Render(content.Content))]
            : [];
        await sender.SendAsync(
            new EmailMessage(MessageId(message.Id, options.MessageIdDomain), recipients, rendered.Subject, rendered.Text, rendered.Html, attachments),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The provider for an assignment; otherwise the customer's primary contact, and the requester too
    /// when someone else opened the work (opened, completed, follow-up).</summary>
    public static IReadOnlyList<string> Recipients(NotificationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Template == EmailTemplate.Assigned)
        {
            return content.ProviderEmail is { Length: > 0 } provider ? [provider] : [];
        }

        var to = new List<string>();
        if (!string.IsNullOrWhiteSpace(content.ContactEmail))
        {
            to.Add(content.ContactEmail);
        }

        var requesterToo = content.Template is EmailTemplate.Opened or EmailTemplate.Completed or EmailTemplate.OpenFollowUp;
        if (requesterToo && !string.IsNullOrWhiteSpace(content.RequesterEmail)
            && !to.Contains(content.RequesterEmail, StringComparer.OrdinalIgnoreCase))
        {
            to.Add(content.RequesterEmail);
        }

        return to;
    }
}

/// <summary>Reads what a notification says, in a few small no-tracking queries.</summary>
public static class NotificationContentReader
{
    public sealed record Result(NotificationContent Content, bool Deleted);

    public static async Task<Result?> ReadAsync(AppDbContext db, EmailNotificationPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(payload);
        var w = await db.WorkOrders.AsNoTracking().Where(x => x.Id == payload.WorkOrderId)
            .Select(x => new
            {
                x.Number, x.Title, x.ServiceRequested, x.Status, x.CustomerId, x.SiteId, x.RequesterName, x.RequesterEmail,
                x.ScheduledStart, x.Instructions, x.CompletionNotes, x.CompletedAt, x.ProviderId, x.IsDeleted, x.EquipmentIds,
            })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (w is null)
        {
            return null;
        }

        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == w.CustomerId)
            .Select(c => new { c.Name, ContactName = c.Contact.Name, ContactEmail = c.Contact.Email })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var site = await db.CustomerSites.AsNoTracking().Where(s => s.Id == w.SiteId)
            .Select(s => new { s.Name, s.Address }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (customer is null || site is null)
        {
            return null;
        }

        var equipmentIds = w.EquipmentIds.ToList();
        var equipment = equipmentIds.Count == 0
            ? []
            : (await db.Assets.AsNoTracking().Where(a => equipmentIds.Contains(a.Id))
                .Select(a => new { a.Name, a.Model, a.SerialNumber }).ToListAsync(cancellationToken).ConfigureAwait(false))
                .OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => new EquipmentLine(a.Name, a.Model, a.SerialNumber)).ToList();

        string? providerName = null, providerEmail = null;
        if ((payload.ProviderId ?? w.ProviderId) is { } providerId)
        {
            var provider = await db.ServiceProviders.AsNoTracking().Where(p => p.Id == providerId)
                .Select(p => new { p.Name, p.Email }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (provider is null && payload.Template == EmailTemplate.Assigned)
            {
                return null;
            }

            (providerName, providerEmail) = (provider?.Name, provider?.Email);
        }

        var content = new NotificationContent(
            payload.Template,
            Domain.WorkOrders.WorkOrderNumber.Format(w.Number),
            w.Title,
            w.ServiceRequested,
            payload.Status ?? w.Status.ToString(),
            customer.Name,
            customer.ContactName,
            customer.ContactEmail,
            w.RequesterName,
            w.RequesterEmail,
            site.Name,
            site.Address.ToString(),
            w.ScheduledStart,
            w.Instructions,
            w.CompletionNotes,
            w.CompletedAt,
            providerName,
            providerEmail,
            equipment);
        return new Result(content, w.IsDeleted);
    }
}
