using System.Globalization;
using System.Net;
using System.Text;
using WorkOrders.Application.Notifications;

namespace WorkOrders.Infrastructure.Email;

/// <summary>The notification e-mails: plain text plus a simple HTML twin (every value HTML-encoded).</summary>
public static class EmailTemplates
{
    public static RenderedEmail Render(NotificationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (subject, intro, rows) = content.Template switch
        {
            EmailTemplate.Opened => (
                $"Work order {content.Number} opened: {content.Title}",
                $"Work order {content.Number} has been opened for {content.CustomerName}. The details are below and in the attached PDF.",
                OpenedRows(content)),
            EmailTemplate.Assigned => (
                $"Work order {content.Number} assigned to {content.ProviderName}",
                $"Work order {content.Number} has been assigned to {content.ProviderName}.",
                AssignedRows(content)),
            EmailTemplate.Waiting => (
                $"Work order {content.Number}: {Describe(content.Status)}",
                $"Work order {content.Number} ({content.Title}) is {Describe(content.Status)}.",
                BasicRows(content)),
            EmailTemplate.WaitingOnCustomerReminder => (
                $"Reminder: work order {content.Number} is waiting for your response",
                $"Work order {content.Number} ({content.Title}) is still waiting for your response. Please get in touch so the work can go on.",
                BasicRows(content)),
            EmailTemplate.Completed => (
                $"Work order {content.Number} completed",
                $"Work order {content.Number} ({content.Title}) has been completed. The completion notes are below and in the attached PDF.",
                CompletedRows(content)),
            EmailTemplate.OpenFollowUp => (
                $"Follow-up: work order {content.Number} is still open",
                $"Work order {content.Number} ({content.Title}) has been open for more than a week. We are following up on it; reply if anything is needed from our side.",
                BasicRows(content)),
            _ => throw new ArgumentOutOfRangeException(nameof(content), content.Template, "Unknown template."),
        };

        return new RenderedEmail(subject, Text(content, intro, rows), Html(subject, content, intro, rows));
    }

    /// <summary>"WaitingOnCustomer" → "waiting on customer".</summary>
    public static string Describe(string status) => status switch
    {
        "WaitingParts" => "waiting for parts",
        "WaitingOnVendor" => "waiting on a vendor",
        "WaitingOnCustomer" => "waiting on your response",
        "InProgress" => "in progress",
        _ => status.ToLowerInvariant(),
    };

    private static List<(string Label, string? Value)> OpenedRows(NotificationContent c) =>
    [
        ("Work order", c.Number),
        ("Contact name", c.ContactName),
        ("Contact email", c.ContactEmail),
        ("Service requested", c.ServiceRequested),
        ("Requested by", c.RequesterName is null ? null : $"{c.RequesterName} <{c.RequesterEmail}>"),
        ("Site", $"{c.SiteName}, {c.SiteAddress}"),
    ];

    private static List<(string Label, string? Value)> AssignedRows(NotificationContent c) =>
    [
        ("Work order", c.Number),
        ("Title", c.Title),
        ("Service requested", c.ServiceRequested),
        ("Customer", c.CustomerName),
        ("Contact", $"{c.ContactName} <{c.ContactEmail}>"),
        ("Site", $"{c.SiteName}, {c.SiteAddress}"),
        ("Scheduled", c.ScheduledStart?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
        ("Instructions", c.Instructions),
        ("Equipment", c.Equipment.Count == 0 ? null : string.Join("; ", c.Equipment.Select(Equipment))),
    ];

    private static List<(string Label, string? Value)> BasicRows(NotificationContent c) =>
    [
        ("Work order", c.Number),
        ("Title", c.Title),
        ("Status", Describe(c.Status)),
        ("Site", c.SiteName),
    ];

    private static List<(string Label, string? Value)> CompletedRows(NotificationContent c) =>
    [
        ("Work order", c.Number),
        ("Title", c.Title),
        ("Completed", c.CompletedAt?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
        ("Completion notes", c.CompletionNotes ?? "(none)"),
    ];

    /// <summary>The provider reads the assignment; the customer's contact reads everything else.</summary>
    private static string Greeting(NotificationContent c) =>
        c.Template == EmailTemplate.Assigned ? c.ProviderName ?? "there" : c.ContactName;

    public static string Equipment(EquipmentLine e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var extra = string.Join(", ", new[] { e.Model, e.SerialNumber is null ? null : "S/N " + e.SerialNumber }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return extra.Length == 0 ? e.Name : $"{e.Name} ({extra})";
    }

    private static string Text(NotificationContent c, string intro, List<(string Label, string? Value)> rows)
    {
        var text = new StringBuilder();
        text.Append("Hello ").Append(Greeting(c)).AppendLine(",").AppendLine();
        text.AppendLine(intro).AppendLine();
        foreach (var (label, value) in rows.Where(r => !string.IsNullOrWhiteSpace(r.Value)))
        {
            text.Append(label).Append(": ").AppendLine(value);
        }

        text.AppendLine().AppendLine("-- ").AppendLine("WorkOrders (this message was sent automatically)");
        return text.ToString();
    }

    private static string Html(string subject, NotificationContent c, string intro, List<(string Label, string? Value)> rows)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? string.Empty);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(E(subject)).Append("</title></head>")
            .Append("<body style=\"font-family:sans-serif\">")
            .Append("<p>Hello ").Append(E(Greeting(c))).Append(",</p>")
            .Append("<p>").Append(E(intro)).Append("</p><table>");
        foreach (var (label, value) in rows.Where(r => !string.IsNullOrWhiteSpace(r.Value)))
        {
            html.Append("<tr><th align=\"left\" valign=\"top\">").Append(E(label)).Append("</th><td>")
                .Append(E(value).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</td></tr>");
        }

        html.Append("</table><p style=\"color:#666\">WorkOrders (this message was sent automatically)</p></body></html>");
        return html.ToString();
    }
}
