namespace WorkOrders.Domain.Common;

/// <summary>A postal location (billing location of a customer, address of a site).</summary>
public sealed record Address(string? Street, string? City, string? Region, string? PostalCode, string? Country)
{
    /// <summary>A new empty address each time: an owned value must not be shared between two owners.</summary>
    public static Address Empty => new(null, null, null, null, null);

    public bool IsEmpty => this == Empty;

    public override string ToString() =>
        string.Join(", ", new[] { Street, City, Region, PostalCode, Country }.Where(p => !string.IsNullOrWhiteSpace(p)));
}
