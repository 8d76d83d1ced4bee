using PdfSharp.Fonts;
using PdfSharp.WPFonts;

namespace WorkOrders.Infrastructure.Pdf;

/// <summary>PDFsharp 6 (Core build) has no font of its own on Linux: it needs a resolver. This one serves the
/// Segoe WP faces embedded in PDFsharp's own PdfSharp.WPFonts assembly (shipped in the PDFsharp package), for
/// every family name — so PDFs render the same on every machine with nothing installed (no /usr/share/fonts,
/// no files of ours). Italic is simulated.</summary>
public sealed class EmbeddedFontResolver : IFontResolver
{
    private const string Regular = "SegoeWP";
    private const string Bold = "SegoeWP-Bold";

    private static readonly Lock Gate = new();

    /// <summary>Installs the resolver once per process (PDFsharp's font settings are global).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not EmbeddedFontResolver)
            {
                GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, false, italic);

    public byte[]? GetFont(string faceName) => faceName switch
    {
        Bold => FontDataHelper.SegoeWPBold,
        _ => FontDataHelper.SegoeWP,
    };
}
