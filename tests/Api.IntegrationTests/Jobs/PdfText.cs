using System.Diagnostics;
using System.Text.RegularExpressions;

namespace WorkOrders.Api.IntegrationTests.Jobs;

/// <summary>The text of a PDF as a reader sees it, extracted by <c>pdftotext</c> (Debian poppler-utils; ./test.sh
/// installs it), with every run of white space made one space so wrapped lines still match.</summary>
public static partial class PdfText
{
    public static async Task<string> ExtractAsync(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var file = Path.Combine(Path.GetTempPath(), $"workorders-pdf-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "-enc", "UTF-8", file, "-" })
            {
                start.ArgumentList.Add(argument);
            }

            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new InvalidOperationException("pdftotext is not installed: apt-get install poppler-utils (./test.sh does it).", ex);
            }

            using (process)
            {
                var text = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
                process.ExitCode.ShouldBe(0, await error);
                return Whitespace().Replace(await text, " ");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
