using System.Globalization;

namespace WorkOrders.Domain.WorkOrders;

/// <summary>The human number of a work order: <c>WO-000123</c> (at least six digits).</summary>
public static class WorkOrderNumber
{
    public const string Prefix = "WO-";

    public static string Format(long number) => Prefix + number.ToString("D6", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out long number)
    {
        number = 0;
        var span = (text ?? string.Empty).Trim();
        if (span.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            span = span[Prefix.Length..];
        }

        return span.Length is > 0 and <= 18 && long.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;
    }
}
