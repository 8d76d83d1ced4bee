using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using WorkOrders.Application.Common.Interfaces;

namespace WorkOrders.Infrastructure.Email;

/// <summary><see cref="IEmailSender"/> over <see cref="SmtpClient"/> (MailKit is not available here): an SMTP server
/// when <see cref="EmailOptions.Host"/> is set, else .eml files in the pickup folder. One client per message
/// (SmtpClient is not thread-safe), a timeout, and the Message-ID the caller derived from the outbox message.</summary>
public sealed class SmtpEmailSender(EmailOptions options, EmailPickupFolder pickup) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var mail = Build(message);
        using var client = CreateClient();
        await client.SendMailAsync(mail, cancellationToken).ConfigureAwait(false);
    }

    private MailMessage Build(EmailMessage message)
    {
        var mail = new MailMessage
        {
            From = new MailAddress(options.From),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = message.TextBody,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        foreach (var to in message.To)
        {
            mail.To.Add(new MailAddress(to));
        }

        foreach (var cc in message.Cc)
        {
            mail.CC.Add(new MailAddress(cc));
        }

        // The same logical message always carries the same Message-ID (it comes from the outbox row), so a
        // retry after a crash between "sent" and "marked processed" can be recognised and dropped by the receiver.
        mail.Headers.Add("Message-ID", message.MessageId);
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.TextBody, Encoding.UTF8, MediaTypeNames.Text.Plain));
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html));
        foreach (var attachment in message.Attachments)
        {
            mail.Attachments.Add(new Attachment(new MemoryStream(attachment.Content), attachment.FileName, attachment.ContentType));
        }

        return mail;
    }

    private SmtpClient CreateClient()
    {
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            return new SmtpClient
            {
                DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
                PickupDirectoryLocation = pickup.EnsureExists(),
            };
        }

        var client = new SmtpClient(options.Host, options.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = options.EnableSsl,
            Timeout = (int)TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)).TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(options.UserName))
        {
            client.Credentials = new NetworkCredential(options.UserName, options.Password);
        }

        return client;
    }
}

/// <summary>The absolute pickup folder for .eml files (under the data folder unless configured absolute).</summary>
public sealed class EmailPickupFolder(string path)
{
    public string Path { get; } = path;

    public string EnsureExists()
    {
        Directory.CreateDirectory(Path);
        return Path;
    }
}
