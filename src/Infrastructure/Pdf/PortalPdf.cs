using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PdfSharp.Pdf;
using WorkOrders.Application.Common.Interfaces;
using WorkOrders.Application.Portal;

namespace WorkOrders.Infrastructure.Pdf;

/// <summary>The portal's PDFs: the estimate (a signature block while the current version is unsigned; the
/// signature — image, name, time — once given) and the invoice (billed hours with the minimum shown, parts).
/// Deterministic: the dates and the document id come from the content, so the same estimate renders to the
/// same bytes and its SHA-256 (recorded with decisions and signatures) can be checked by rendering again.</summary>
public sealed partial class PortalPdf : IPortalDocuments
{
    private static readonly DateTime Epoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public byte[] RenderEstimate(EstimateDocument estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return Render($"Estimate {estimate.Number} (version {estimate.EstimateVersion})", Describe(estimate), writer =>
        {
            writer.Heading($"Estimate — work order {estimate.Number}");
            writer.Field("Title", estimate.Title);
            writer.Field("Customer", estimate.CustomerName);
            writer.Field("Site", estimate.SiteName);
            writer.Field("Estimate version", estimate.EstimateVersion.ToString(CultureInfo.InvariantCulture));
            writer.Section("Line items");
            if (estimate.Lines.Count == 0)
            {
                writer.Paragraph("(no line items)");
            }

            foreach (var line in estimate.Lines)
            {
                writer.Paragraph($"• {line.Description}");
                writer.Field("  Labour", $"{Hours(line.EstimatedLabourHours)} h × {Money(line.HourlyRate)} = {Money(line.EstimatedLabourHours * line.HourlyRate)}");
                writer.Field("  Parts", Money(line.PartsCost));
                writer.Field("  Total", Money(line.Total));
                writer.Field("  Approval", line.ApprovalStatus + (line.ApprovalStale ? " (changed since the last decision)" : string.Empty));
            }

            writer.Section("Total");
            writer.Field("Estimate total", Money(estimate.Total));
            if (estimate.PendingCount > 0)
            {
                writer.Paragraph($"{estimate.PendingCount} item(s) pending approval.");
            }

            writer.Section("Authorization");
            if (estimate.Signature is { } signature)
            {
                writer.Image(signature.Image, 220, 80);
                writer.Field("Signed by", signature.SignerName);
                writer.Field("Signed at", signature.SignedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
            }
            else
            {
                writer.Paragraph("I authorize the work described in this estimate.");
                writer.SignatureLine("Signature");
                writer.SignatureLine("Name and date");
            }
        });
    }

    public byte[] RenderInvoice(InvoiceDocument invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return Render($"Invoice {invoice.Number}", Describe(invoice), writer =>
        {
            writer.Heading($"Invoice — work order {invoice.Number}");
            writer.Field("Title", invoice.Title);
            writer.Field("Customer", invoice.CustomerName);
            writer.Field("Site", invoice.SiteName);
            writer.Field("Status", invoice.Status);
            if (invoice.CompletedAt is { } completed)
            {
                writer.Field("Completed", completed.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
            }

            writer.Section("Labour");
            writer.Field("Worked hours", Hours(invoice.WorkedHours));
            writer.Field("Billed hours", invoice.BilledHours is { } billed ? Hours(billed) : "not billed yet");
            writer.Field("Minimum charge", $"{Hours(invoice.MinimumBilledHours)} h");
            if (invoice.BilledMinimumApplied)
            {
                writer.Paragraph($"The {Hours(invoice.MinimumBilledHours)}-hour minimum was applied.");
            }

            writer.Section("Parts");
            if (invoice.Parts.Count == 0)
            {
                writer.Paragraph("(no parts)");
            }

            foreach (var part in invoice.Parts)
            {
                writer.Field(part.Description, Money(part.PartsCost));
            }

            writer.Field("Parts total", Money(invoice.PartsTotal));
        });
    }

    private static byte[] Render(string title, string identity, Action<WorkOrderPdf.PageWriter> write)
    {
        EmbeddedFontResolver.Install();
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "WorkOrders";
        document.Info.CreationDate = Epoch;
        document.Info.ModificationDate = Epoch;
        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;
        var writer = new WorkOrderPdf.PageWriter(document);
        write(writer);
        writer.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return PinXmpIds(stream.ToArray(), id);
    }

    /// <summary>PDFsharp writes fresh random GUIDs into the XMP metadata (xmpMM:DocumentID/InstanceID, uncompressed) and
    /// random font-subset tags (<c>/ABCDEF+Segoe</c>); they are replaced by values derived from the content — same
    /// length, so the cross-reference offsets stay right — and the same estimate renders to the same bytes.</summary>
    private static byte[] PinXmpIds(byte[] pdf, string id)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var index = 0;
        var pinned = XmpUuid().Replace(text, _ =>
        {
            var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{id}:{index++}"));
            return "uuid:" + new Guid(bytes.AsSpan(0, 16)).ToString("D");
        });
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        pinned = SubsetTag().Replace(pinned, m =>
        {
            if (!tags.TryGetValue(m.Groups[1].Value, out var tag))
            {
                var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{id}:font:{tags.Count}"));
                tag = new string(bytes.Take(6).Select(b => (char)('A' + (b % 26))).ToArray());
                tags[m.Groups[1].Value] = tag;
            }

            return "/" + tag + "+";
        });
        return Encoding.Latin1.GetBytes(pinned);
    }

    [System.Text.RegularExpressions.GeneratedRegex("/([A-Z]{6})\\+", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SubsetTag();

    [System.Text.RegularExpressions.GeneratedRegex("uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex XmpUuid();

    private static string Describe(EstimateDocument e) => string.Join('|', e.Number, e.EstimateVersion, e.Total.ToString(CultureInfo.InvariantCulture),
        string.Join(';', e.Lines.Select(l => $"{l.Description}:{l.Total.ToString(CultureInfo.InvariantCulture)}:{l.ApprovalStatus}")),
        e.Signature is null ? "-" : $"{e.Signature.SignerName}:{e.Signature.SignedAt:O}:{Convert.ToHexString(SHA256.HashData(e.Signature.Image))}");

    private static string Describe(InvoiceDocument i) => string.Join('|', i.Number, i.Status, i.WorkedHours, i.BilledHours, i.PartsTotal);

    private static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}

