using System.Text;
using WorkOrders.Application.Common.Interfaces;
using WorkOrders.Application.Notifications;
using WorkOrders.Infrastructure.Email;
using WorkOrders.Infrastructure.Pdf;

namespace WorkOrders.Api.IntegrationTests.Jobs;

/// <summary>Templates, recipients, PDFs and the pickup-folder sender, without a host.</summary>
public sealed class EmailRenderingTests
{
    private static NotificationContent Content(EmailTemplate template, string? requesterEmail = "rita@requester.example") => new(
        template, "WO-000042", "Leaking <meter>", "Replace the seal & test", "WaitingParts", "Acme Water", "Pat Primary", "pat@acme.example",
        requesterEmail is null ? null : "Rita Requester", requesterEmail, "North plant", "1 Main St, Springfield",
        new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc), "Ring the bell", "Seal replaced.\nPressure tested.",
        new DateTime(2026, 12, 2, 15, 30, 0, DateTimeKind.Utc), "Field Co", "ops@field.example",
        [new EquipmentLine("Water meter", "WM-9", "SN-77")]);

    [Fact]
    public void Opened_SaysContactServiceAndRequester_InTextAndEncodedHtml()
    {
        var email = EmailTemplates.Render(Content(EmailTemplate.Opened));

        email.Subject.ShouldBe("Work order WO-000042 opened: Leaking <meter>");
        email.Text.ShouldContain("Contact name: Pat Primary");
        email.Text.ShouldContain("Contact email: pat@acme.example");
        email.Text.ShouldContain("Service requested: Replace the seal & test");
        email.Html.ShouldContain("Replace the seal &amp; test");
        email.Html.ShouldNotContain("<meter>");
    }

    [Fact]
    public void Assigned_GreetsTheProvider_AndListsTheEquipment()
    {
        var email = EmailTemplates.Render(Content(EmailTemplate.Assigned));

        email.Text.ShouldStartWith("Hello Field Co,");
        email.Text.ShouldContain("Water meter (WM-9, S/N SN-77)");
    }

    [Theory]
    [InlineData(EmailTemplate.Waiting, "waiting for parts")]
    [InlineData(EmailTemplate.WaitingOnCustomerReminder, "Reminder:")]
    [InlineData(EmailTemplate.Completed, "completed")]
    [InlineData(EmailTemplate.OpenFollowUp, "Follow-up:")]
    public void EveryTemplate_HasItsSubject(EmailTemplate template, string subject) =>
        EmailTemplates.Render(Content(template)).Subject.ShouldContain(subject);

    [Fact]
    public void Recipients_ContactAndRequester_OnceEach_ProviderForAssignments()
    {
        EmailOutboxHandler.Recipients(Content(EmailTemplate.Opened)).ShouldBe(["pat@acme.example", "rita@requester.example"]);
        EmailOutboxHandler.Recipients(Content(EmailTemplate.Opened, "PAT@acme.example")).ShouldBe(["pat@acme.example"]);
        EmailOutboxHandler.Recipients(Content(EmailTemplate.Waiting)).ShouldBe(["pat@acme.example"]);
        EmailOutboxHandler.Recipients(Content(EmailTemplate.Assigned)).ShouldBe(["ops@field.example"]);
    }

    [Fact]
    public void Pdf_IsAPdf_WithMoreThanOnePageWhenTheNotesAreLong()
    {
        var shortPdf = WorkOrderPdf.Render(Content(EmailTemplate.Opened));
        var longPdf = WorkOrderPdf.Render(Content(EmailTemplate.Completed) with { CompletionNotes = string.Join('\n', Enumerable.Repeat("A long line of completion notes, wrapped by the writer.", 200)) });

        Encoding.ASCII.GetString(shortPdf[..5]).ShouldBe("%PDF-");
        Encoding.ASCII.GetString(longPdf[..5]).ShouldBe("%PDF-");
        CountPages(longPdf).ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task WithoutAHost_MailIsAnEmlFileInThePickupFolder_WithItsMessageId()
    {
        var folder = Path.Combine(Path.GetTempPath(), "workorders-pickup-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var sender = new SmtpEmailSender(new EmailOptions(), new EmailPickupFolder(folder));
            var id = Guid.NewGuid();
            await sender.SendAsync(new EmailMessage(EmailOutboxHandler.MessageId(id, "workorders.local"), ["pat@acme.example"], "Hello", "Text", "<p>Html</p>",
                [new EmailAttachment("a.pdf", "application/pdf", WorkOrderPdf.Render(Content(EmailTemplate.Opened)))]), CancellationToken.None);

            var file = Directory.GetFiles(folder, "*.eml").ShouldHaveSingleItem();
            var message = await MimeKit.MimeMessage.LoadAsync(file);
            message.MessageId.ShouldBe($"{id:N}@workorders.local");
            message.To.Mailboxes.Single().Address.ShouldBe("pat@acme.example");
            message.Attachments.ShouldHaveSingleItem();
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static int CountPages(byte[] pdf)
    {
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        return document.PageCount;
    }
}
