using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkOrders.Application.Common.Interfaces;
using WorkOrders.Application.Common.Security;
using WorkOrders.Application.Notifications;
using WorkOrders.Application.Portal;
using WorkOrders.Domain.Portal;
using WorkOrders.Infrastructure.Jobs;
using WorkOrders.Infrastructure.Persistence;
using WorkOrders.Infrastructure.Persistence.Outbox;

namespace WorkOrders.Infrastructure.Email;

/// <summary>Delivers the portal invitation: the link to the view, to the recipient chosen when the link was made,
/// CC to every team manager (users with the TeamManager role). Once the server took it, the token is blanked in the
/// outbox row, so the database keeps no usable token. A link revoked or expired before delivery sends nothing.</summary>
public sealed class PortalInvitationHandler(AppDbContext db, IEmailSender sender, EmailOptions email, PortalOptions portal, TimeProvider clock)
    : IOutboxMessageHandler
{
    public string Type => PortalInvitationMessages.Type;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        PortalInvitationPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<PortalInvitationPayload>(message.Payload);
        }
        catch (JsonException ex)
        {
            throw new PermanentOutboxFailureException("The portal invitation payload is not valid.", ex);
        }

        if (payload?.Token is not { Length: > 0 } token)
        {
            throw new PermanentOutboxFailureException("The portal invitation has no token (already delivered, or not valid).");
        }

        var link = await db.PortalLinks.AsNoTracking().SingleOrDefaultAsync(l => l.Id == payload.LinkId, cancellationToken).ConfigureAwait(false);
        if (link is null || link.EmailedTo is null || link.StateAt(clock.GetUtcNow().UtcDateTime) != PortalLinkState.Active
            || link.TokenHash != PortalToken.Hash(token))
        {
            await RedactAsync(message.Id, payload.LinkId, cancellationToken).ConfigureAwait(false);
            return; // revoked, expired or gone: nothing to invite to
        }

        var workOrder = await db.WorkOrders.AsNoTracking().Where(w => w.Id == link.WorkOrderId)
            .Select(w => new { w.Number, w.Title, w.CustomerId }).SingleAsync(cancellationToken).ConfigureAwait(false);
        var contact = await db.Customers.AsNoTracking().Where(c => c.Id == workOrder.CustomerId)
            .Select(c => new { c.Name, ContactName = c.Contact.Name }).SingleAsync(cancellationToken).ConfigureAwait(false);
        var managers = await TeamManagersAsync(cancellationToken).ConfigureAwait(false);
        var cc = managers.Where(m => !string.Equals(m, link.EmailedTo, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        var number = Domain.WorkOrders.WorkOrderNumber.Format(workOrder.Number);
        var view = Describe(link.View);
        var url = portal.UrlOf(token);
        var expires = link.ExpiresAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var subject = $"Work order {number}: your {view} is ready";
        var text = new StringBuilder()
            .Append("Hello ").Append(contact.ContactName).AppendLine(",").AppendLine()
            .Append("The ").Append(view).Append(" of work order ").Append(number).Append(" (").Append(workOrder.Title).AppendLine(") is ready for you:").AppendLine()
            .AppendLine(url).AppendLine();
        if (link.Message is { } note)
        {
            text.AppendLine(note).AppendLine();
        }

        text.Append("The link is personal and works until ").Append(expires).AppendLine(".").AppendLine()
            .AppendLine("-- ").AppendLine("WorkOrders (this message was sent automatically)");
        static string E(string? s) => WebUtility.HtmlEncode(s ?? string.Empty);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(E(subject)).Append("</title></head><body style=\"font-family:sans-serif\">")
            .Append("<p>Hello ").Append(E(contact.ContactName)).Append(",</p>")
            .Append("<p>The ").Append(E(view)).Append(" of work order ").Append(E(number)).Append(" (").Append(E(workOrder.Title)).Append(") is ready for you:</p>")
            .Append("<p><a href=\"").Append(E(url)).Append("\">").Append(E(url)).Append("</a></p>");
        if (link.Message is { } htmlNote)
        {
            html.Append("<p>").Append(E(htmlNote).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }

        html.Append("<p>The link is personal and works until ").Append(E(expires)).Append(".</p>")
            .Append("<p style=\"color:#666\">WorkOrders (this message was sent automatically)</p></body></html>");

        await sender.SendAsync(
            new EmailMessage(EmailOutboxHandler.MessageId(message.Id, email.MessageIdDomain), [link.EmailedTo], subject, text.ToString(), html.ToString(), [])
            {
                Cc = cc,
            },
            cancellationToken).ConfigureAwait(false);
        await RedactAsync(message.Id, payload.LinkId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The e-mail addresses of the users with the TeamManager role (not locked out).</summary>
    private async Task<List<string>> TeamManagersAsync(CancellationToken cancellationToken) =>
        await (from user in db.Users
               join userRole in db.UserRoles on user.Id equals userRole.UserId
               join role in db.Roles on userRole.RoleId equals role.Id
               where role.Name == Roles.TeamManager && user.Email != null
               orderby user.Email
               select user.Email!).ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Blanks the token in the outbox row (only its hash stays, on the link).</summary>
    private Task<int> RedactAsync(Guid messageId, Guid linkId, CancellationToken cancellationToken)
    {
        var redacted = JsonSerializer.Serialize(new PortalInvitationPayload(linkId, null));
        return db.Set<OutboxMessage>().Where(m => m.Id == messageId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Payload, redacted), cancellationToken);
    }

    public static string Describe(PortalView view) => view switch
    {
        PortalView.WorkAuthorization => "work authorization",
        PortalView.Estimate => "estimate",
        PortalView.ProgressReport => "progress report",
        _ => "invoice",
    };
}
