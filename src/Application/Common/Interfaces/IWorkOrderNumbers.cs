namespace WorkOrders.Application.Common.Interfaces;

/// <summary>Allocates work-order numbers: unique, sequential and gap-free on every provider (a counter row
/// updated in the caller's transaction, so a rolled-back create gives its number back).</summary>
public interface IWorkOrderNumbers
{
    /// <summary>Reserves <paramref name="count"/> consecutive numbers and returns the first.</summary>
    Task<long> ReserveAsync(int count, CancellationToken cancellationToken);
}
