using WorkOrders.Domain.Billing;

namespace WorkOrders.Application.Billing.Queries.GetCreditHours;

/// <summary>One line of a customer's credit-hour ledger: signed hours (purchases positive, debits negative)
/// and the balance after it.</summary>
public sealed record CreditHourEntryDto
{
    public Guid Id { get; init; }
    public Guid CustomerId { get; init; }
    public long Sequence { get; init; }
    public CreditHourEntryKind Kind { get; init; }
    public decimal Hours { get; init; }
    public decimal BalanceAfter { get; init; }
    public Guid? WorkOrderId { get; init; }
    public string? WorkOrderNumber { get; init; }
    public string? Note { get; init; }
    public string? Reference { get; init; }
    public DateTime CreatedAt { get; init; }
    public string? CreatedBy { get; init; }
    public string CreatedByName { get; init; } = string.Empty;

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<CreditHourEntry, CreditHourEntryDto>();
    }
}

/// <summary>A change of the bank (a purchase): the entry written and the balance now, with a warning while negative.</summary>
public sealed record CreditHourChangeDto(CreditHourEntryDto Entry, decimal Balance, bool BalanceNegative, string? Warning);

/// <summary>A customer's credit-hour bank: the balance (negative: the overage is invoiced, and a warning says so),
/// the totals, and one keyset page of the ledger, newest first.</summary>
public sealed record CreditHourLedgerDto
{
    public Guid CustomerId { get; init; }
    public string CustomerName { get; init; } = string.Empty;
    public decimal Balance { get; init; }
    public bool BalanceNegative { get; init; }
    public string? Warning { get; init; }

    /// <summary>All hours ever purchased.</summary>
    public decimal PurchasedHours { get; init; }

    /// <summary>All billed hours charged (debits and adjustments).</summary>
    public decimal UsedHours { get; init; }

    public IReadOnlyList<CreditHourEntryDto> Entries { get; init; } = [];

    /// <summary>Pass back as <c>cursor</c> for the next (older) page; null on the last page.</summary>
    public string? NextCursor { get; init; }
}
