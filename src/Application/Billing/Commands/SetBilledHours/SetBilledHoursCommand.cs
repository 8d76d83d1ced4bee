using System.Text.Json.Serialization;
using WorkOrders.Application.Billing.Queries.GetCreditHours;
using WorkOrders.Application.WorkOrders;
using WorkOrders.Domain.Billing;

namespace WorkOrders.Application.Billing.Commands.SetBilledHours;

/// <summary>An assessor sets the billed hours — the fair charge — of a completed work order. Never below one
/// hour: less is raised to the minimum and the answer says <c>minimumApplied</c>. The first time debits the
/// customer's credit-hour bank; setting them again replaces them and debits or credits the difference (an
/// adjustment). Refused once the work order is invoiced. The bank may go negative: the answer then carries a
/// warning. If-Match is optional: when sent, a stale version is a 412.</summary>
[Authorize(Roles = Roles.Billing)]
public sealed record SetBilledHoursCommand : ICommand<BilledHoursResultDto>
{
    [JsonIgnore]
    public Guid WorkOrderId { get; init; }

    [JsonIgnore]
    public int? ExpectedVersion { get; init; }

    public decimal Hours { get; init; }
    public string? Note { get; init; }
}

/// <summary>What billing did: the hours asked and billed, whether the minimum applied, the ledger entry it
/// wrote (none when the hours did not change), and the customer's balance now.</summary>
public sealed record BilledHoursResultDto
{
    public Guid WorkOrderId { get; init; }
    public string DisplayNumber { get; init; } = string.Empty;
    public Guid CustomerId { get; init; }
    public decimal RequestedHours { get; init; }
    public decimal BilledHours { get; init; }
    public decimal? PreviousBilledHours { get; init; }
    public bool MinimumApplied { get; init; }
    public decimal MinimumBilledHours { get; init; } = BillingPolicy.MinimumBilledHours;

    /// <summary>What the bank was debited by this call (negative: credited back).</summary>
    public decimal DebitedHours { get; init; }

    public CreditHourEntryDto? LedgerEntry { get; init; }
    public decimal CreditBalance { get; init; }
    public bool BalanceNegative { get; init; }
    public string? Warning { get; init; }

    /// <summary>The work order's version now (also the ETag).</summary>
    public int Version { get; init; }
}

public sealed class SetBilledHoursCommandValidator : AbstractValidator<SetBilledHoursCommand>
{
    public SetBilledHoursCommandValidator()
    {
        RuleFor(c => c.Hours).InclusiveBetween(0m, BillingPolicy.MaxHours).PrecisionScale(9, 2, ignoreTrailingZeros: true);
        RuleFor(c => c.Note).MaximumLength(CreditHourEntry.NoteMaxLength);
    }
}

public sealed class SetBilledHoursCommandHandler(IApplicationDbContext db, IMapper mapper, IUser user, TimeProvider clock, WorkOrderAccess access, IRowLocks locks)
    : IRequestHandler<SetBilledHoursCommand, BilledHoursResultDto>
{
    public async Task<BilledHoursResultDto> Handle(SetBilledHoursCommand request, CancellationToken cancellationToken)
    {
        // Locks: the work order, then its customer (the bank) — the same order everywhere, so no deadlock.
        await locks.LockWorkOrderAsync(request.WorkOrderId, cancellationToken).ConfigureAwait(false);
        var workOrder = await access.LoadAsync(request.WorkOrderId, cancellationToken).ConfigureAwait(false);
        if (request.ExpectedVersion is { } expected)
        {
            PreconditionFailedException.ThrowIfStale("Work order", workOrder.Version, expected);
        }

        var account = await BillingLoads.LockedAccountAsync(db, locks, workOrder.CustomerId, cancellationToken).ConfigureAwait(false);
        var outcome = WorkOrderBilling.SetBilledHours(workOrder, account, request.Hours, request.Note, user.AsActor(clock));
        if (outcome.Entry is { } entry)
        {
            db.CreditHourEntries.Add(entry);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        var change = outcome.Change;
        return new BilledHoursResultDto
        {
            WorkOrderId = workOrder.Id,
            DisplayNumber = workOrder.DisplayNumber,
            CustomerId = workOrder.CustomerId,
            RequestedHours = change.Requested,
            BilledHours = change.Billed,
            PreviousBilledHours = change.Previous,
            MinimumApplied = change.MinimumApplied,
            DebitedHours = change.Difference,
            LedgerEntry = outcome.Entry is null ? null : mapper.Map<CreditHourEntryDto>(outcome.Entry),
            CreditBalance = outcome.Balance,
            BalanceNegative = outcome.BalanceNegative,
            Warning = CreditHourWarnings.For(outcome.Balance),
            Version = workOrder.Version,
        };
    }
}
