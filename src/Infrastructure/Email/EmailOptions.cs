namespace WorkOrders.Infrastructure.Email;

/// <summary>The <c>Email</c> configuration section. Without a <see cref="Host"/>, mail is written as .eml files
/// into <see cref="PickupDirectory"/> (the embedded default: no server needed).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The sender, e.g. <c>WorkOrders &lt;no-reply@example.com&gt;</c>.</summary>
    public string From { get; set; } = "WorkOrders <no-reply@workorders.local>";

    /// <summary>SMTP server; empty = pickup folder.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>STARTTLS / TLS (System.Net.Mail's EnableSsl).</summary>
    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    /// <summary>Set it through the environment or a secret store (Email__Password), not in appsettings.json.</summary>
    public string? Password { get; set; }

    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Folder of the .eml files when no host is set; relative to the data folder unless absolute.</summary>
    public string PickupDirectory { get; set; } = "mail-pickup";

    /// <summary>The domain part of Message-IDs (<c>&lt;{outbox id}@{domain}&gt;</c>).</summary>
    public string MessageIdDomain { get; set; } = "workorders.local";
}
