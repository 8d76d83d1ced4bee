using WorkOrders.Domain.Common;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Domain.Billing;

public enum CreditHourEntryKind
{
    /// <summary>Hours bought by the customer (positive).</summary>
    Purchase,

    /// <summary>The billed hours of a completed work order, when first set (negative).</summary>
    Debit,

    /// <summary>The difference when a work order's billed hours are set again (either sign).</summary>
    Adjustment,
}

/// <summary>A customer's prepaid credit-hour bank: the balance, and the ledger that explains it. One per customer
/// (its id is the customer's id), opened on the first purchase or debit. The balance may go negative: the
/// overage is invoiced. Every change is a new ledger entry with its sequence number and the balance after it;
/// entries are never changed.</summary>
public sealed class CreditHourAccount : AuditableEntity
{
    private CreditHourAccount()
    {
    }

    /// <summary>The customer whose bank this is (the account's id).</summary>
    public Guid CustomerId => Id;

    /// <summary>Purchases minus billed hours, to the hundredth.</summary>
    public decimal Balance { get; private set; }

    /// <summary>The sequence number of the latest ledger entry (0 before the first).</summary>
    public long LastSequence { get; private set; }

    public bool IsNegative => Balance < 0;

    public static CreditHourAccount Open(Guid customerId) =>
        customerId == Guid.Empty ? throw new ArgumentException("A credit-hour bank belongs to a customer.", nameof(customerId)) : new CreditHourAccount { Id = customerId };

    /// <summary>Records hours bought by the customer.</summary>
    public CreditHourEntry Purchase(decimal hours, string? note, string? reference, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        CheckRule(new CreditHoursMustBePositive(hours));
        return Record(CreditHourEntryKind.Purchase, BillingPolicy.Round(hours), null, null, note, reference, actor);
    }

    /// <summary>Debits the billed hours of a work order: the full amount the first time, the difference (an
    /// adjustment) when they are set again; nothing when they did not change.</summary>
    public CreditHourEntry? Charge(BilledHoursChange change, Actor actor, string? note)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(actor);
        CheckRule(new WorkOrderMustBelongToTheAccount(change, this));
        if (change.Previous is null)
        {
            return Record(CreditHourEntryKind.Debit, -change.Billed, change.WorkOrderId, change.WorkOrderNumber, note, null, actor);
        }

        return change.Difference == 0
            ? null
            : Record(CreditHourEntryKind.Adjustment, -change.Difference, change.WorkOrderId, change.WorkOrderNumber, note, null, actor);
    }

    /// <summary>The balance once <paramref name="change"/> is charged (for previews: nothing is recorded).</summary>
    public decimal BalanceAfter(BilledHoursChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Balance - change.Difference;
    }

    private CreditHourEntry Record(CreditHourEntryKind kind, decimal hours, Guid? workOrderId, string? workOrderNumber, string? note, string? reference, Actor actor)
    {
        Balance = BillingPolicy.Round(Balance + hours);
        LastSequence++;
        return new CreditHourEntry(Id, LastSequence, kind, hours, Balance, workOrderId, workOrderNumber, note, reference, actor);
    }
}

/// <summary>One line of a customer's credit-hour ledger: signed hours (purchases positive, debits negative)
/// and the balance after it, in sequence.</summary>
public sealed class CreditHourEntry : Entity
{
    public const int NoteMaxLength = 1000;
    public const int ReferenceMaxLength = 100;

    private CreditHourEntry()
    {
        CreatedByName = string.Empty;
    }

    internal CreditHourEntry(
        Guid customerId, long sequence, CreditHourEntryKind kind, decimal hours, decimal balanceAfter,
        Guid? workOrderId, string? workOrderNumber, string? note, string? reference, Actor actor)
    {
        CustomerId = customerId;
        Sequence = sequence;
        Kind = kind;
        Hours = hours;
        BalanceAfter = balanceAfter;
        WorkOrderId = workOrderId;
        WorkOrderNumber = workOrderNumber;
        Note = Guard.Optional(note, nameof(Note), NoteMaxLength);
        Reference = Guard.Optional(reference, nameof(Reference), ReferenceMaxLength);
        CreatedAt = actor.At;
        CreatedBy = actor.UserId;
        CreatedByName = actor.Name;
    }

    public Guid CustomerId { get; private set; }

    /// <summary>1, 2, 3, … per customer: the ledger's order.</summary>
    public long Sequence { get; private set; }

    public CreditHourEntryKind Kind { get; private set; }

    /// <summary>Signed: purchases add, debits subtract, adjustments either.</summary>
    public decimal Hours { get; private set; }

    public decimal BalanceAfter { get; private set; }

    /// <summary>The work order a debit or adjustment is for.</summary>
    public Guid? WorkOrderId { get; private set; }

    public string? WorkOrderNumber { get; private set; }
    public string? Note { get; private set; }

    /// <summary>The purchase's reference (order, invoice or payment number).</summary>
    public string? Reference { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public string? CreatedBy { get; private set; }
    public string CreatedByName { get; private set; }
}
