using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using WorkOrders.Application.Notifications;
using WorkOrders.Infrastructure.Email;

namespace WorkOrders.Infrastructure.Pdf;

/// <summary>The PDFs attached to notifications: the opened work order (contact, service requested, the
/// equipment to be serviced) and the completed one (with the completion notes). One A4 page, more if needed.</summary>
public static class WorkOrderPdf
{
    private const double Margin = 50;

    public static byte[] Render(NotificationContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        EmbeddedFontResolver.Install();

        using var document = new PdfDocument();
        document.Info.Title = $"Work order {content.Number}";
        document.Info.Creator = "WorkOrders";
        var writer = new PageWriter(document);

        writer.Heading(content.Template == EmailTemplate.Completed ? $"Work order {content.Number} — completed" : $"Work order {content.Number}");
        writer.Field("Title", content.Title);
        writer.Field("Customer", content.CustomerName);
        writer.Field("Contact name", content.ContactName);
        writer.Field("Contact email", content.ContactEmail);
        if (content.RequesterName is not null)
        {
            writer.Field("Requested by", $"{content.RequesterName} <{content.RequesterEmail}>");
        }

        writer.Field("Site", $"{content.SiteName}, {content.SiteAddress}");
        writer.Field("Service requested", content.ServiceRequested);
        if (content.ScheduledStart is { } start)
        {
            writer.Field("Scheduled", start.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        }

        writer.Section("Equipment to be serviced");
        if (content.Equipment.Count == 0)
        {
            writer.Paragraph("(none listed)");
        }

        foreach (var item in content.Equipment)
        {
            writer.Paragraph("• " + EmailTemplates.Equipment(item));
        }

        if (content.Template == EmailTemplate.Completed)
        {
            writer.Section("Completion");
            writer.Field("Completed", content.CompletedAt?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "-");
            writer.Paragraph(content.CompletionNotes ?? "(no notes)");
        }

        writer.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>Writes top to bottom, wrapping text and starting a new page when the current one is full.</summary>
    internal sealed class PageWriter(PdfDocument document) : IDisposable
    {
        private readonly XFont _heading = new("Segoe WP", 18, XFontStyleEx.Bold);
        private readonly XFont _section = new("Segoe WP", 13, XFontStyleEx.Bold);
        private readonly XFont _label = new("Segoe WP", 10, XFontStyleEx.Bold);
        private readonly XFont _body = new("Segoe WP", 10, XFontStyleEx.Regular);
        private PdfPage? _page;
        private XGraphics? _graphics;
        private double _y;

        public void Heading(string text) => Block(text, _heading, 0, 10);

        public void Section(string text) => Block(text, _section, 0, 6, before: 10);

        public void Field(string label, string value)
        {
            Ensure(14);
            _graphics!.DrawString(label, _label, XBrushes.Black, new XRect(Margin, _y, 130, 14), XStringFormats.TopLeft);
            Block(value, _body, 135, 4);
        }

        public void Paragraph(string text) => Block(text, _body, 0, 4);

        /// <summary>A PNG (e.g. a drawn signature) scaled to fit <paramref name="maxWidth"/> × <paramref name="maxHeight"/> points.</summary>
        public void Image(byte[] png, double maxWidth, double maxHeight)
        {
            using var stream = new MemoryStream(png, writable: false);
            using var image = XImage.FromStream(stream);
            var scale = Math.Min(1, Math.Min(maxWidth / Math.Max(1, image.PointWidth), maxHeight / Math.Max(1, image.PointHeight)));
            var (width, height) = (Math.Max(1, image.PointWidth * scale), Math.Max(1, image.PointHeight * scale));
            Ensure(height + 4);
            _graphics!.DrawImage(image, Margin, _y, width, height);
            _y += height + 4;
        }

        /// <summary>An empty line to sign on, with a caption under it.</summary>
        public void SignatureLine(string caption)
        {
            Ensure(60);
            _y += 36;
            _graphics!.DrawLine(XPens.Black, Margin, _y, Margin + 250, _y);
            _y += 2;
            Block(caption, _body, 0, 6);
        }

        public void Dispose() => _graphics?.Dispose();

        private void Block(string text, XFont font, double indent, double after, double before = 0)
        {
            Ensure(font.Height + before);
            _y += before;
            var width = _page!.Width.Point - (2 * Margin) - indent;

            // Wrap by measuring words: XTextFormatter draws but does not say how tall the text was.
            var lines = Wrap(text, font, width);
            var height = Math.Max(1, lines.Count) * font.GetHeight();
            Ensure(height);
            var formatter = new XTextFormatter(_graphics!);
            formatter.DrawString(string.Join('\n', lines), font, XBrushes.Black, new XRect(Margin + indent, _y, width, height), XStringFormats.TopLeft);
            _y += height + after;
        }

        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            foreach (var paragraph in (text ?? string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
            {
                var line = string.Empty;
                foreach (var word in paragraph.Split(' '))
                {
                    var candidate = line.Length == 0 ? word : line + " " + word;
                    if (line.Length > 0 && _graphics!.MeasureString(candidate, font).Width > width)
                    {
                        lines.Add(line);
                        line = word;
                    }
                    else
                    {
                        line = candidate;
                    }
                }

                lines.Add(line);
            }

            return lines;
        }

        private void Ensure(double height)
        {
            if (_page is not null && _y + height <= _page.Height.Point - Margin)
            {
                return;
            }

            _graphics?.Dispose();
            _page = document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }
    }
}
