namespace WorkOrders.Application.Common.Interfaces;

/// <summary>A file attached to an e-mail (e.g. a work-order PDF).</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>One e-mail, ready to send. <see cref="MessageId"/> is stable for one logical message (derived from the
/// outbox message that carries it), so a retry after a crash sends the same Message-ID and receivers can
/// de-duplicate.</summary>
public sealed record EmailMessage(
    string MessageId,
    IReadOnlyList<string> To,
    string Subject,
    string TextBody,
    string HtmlBody,
    IReadOnlyList<EmailAttachment> Attachments)
{
    /// <summary>Carbon copies (e.g. the team managers on a portal invitation).</summary>
    public IReadOnlyList<string> Cc { get; init; } = [];
}

/// <summary>The port to outgoing mail (SMTP, or a pickup folder of .eml files on the embedded setup).
/// Called only by the outbox job, never inside a request.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
