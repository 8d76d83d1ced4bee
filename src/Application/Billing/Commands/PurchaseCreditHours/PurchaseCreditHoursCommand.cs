using System.Text.Json.Serialization;
using WorkOrders.Application.Billing.Queries.GetCreditHours;
using WorkOrders.Domain.Billing;

namespace WorkOrders.Application.Billing.Commands.PurchaseCreditHours;

/// <summary>Records hours a customer bought (accounts receivable; Admin): a Purchase entry in its credit-hour
/// ledger. Accepts Idempotency-Key, so a retried purchase is not counted twice.</summary>
[Authorize(Roles = Roles.AccountsReceivable)]
public sealed record PurchaseCreditHoursCommand : ICommand<CreditHourChangeDto>, IIdempotentCommand
{
    [JsonIgnore]
    public Guid CustomerId { get; init; }

    /// <summary>The Idempotency-Key as sent.</summary>
    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    /// <summary>The key the idempotency store sees: scoped to the customer too, since the customer is in the path,
    /// not in the body the request hash covers (the same key for another customer is another purchase).</summary>
    string? IIdempotentCommand.IdempotencyKey => IdempotencyKey is { Length: > 0 } key
        ? "credit-hours:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{CustomerId:N}:{key}")))
        : null;

    public decimal Hours { get; init; }
    public string? Note { get; init; }

    /// <summary>The order, invoice or payment number of the purchase.</summary>
    public string? Reference { get; init; }
}

public sealed class PurchaseCreditHoursCommandValidator : AbstractValidator<PurchaseCreditHoursCommand>
{
    public PurchaseCreditHoursCommandValidator()
    {
        RuleFor(c => c.Hours).GreaterThan(0m).LessThanOrEqualTo(BillingPolicy.MaxHours).PrecisionScale(9, 2, ignoreTrailingZeros: true);
        RuleFor(c => c.Note).MaximumLength(CreditHourEntry.NoteMaxLength);
        RuleFor(c => c.Reference).MaximumLength(CreditHourEntry.ReferenceMaxLength);
        RuleFor(c => c.IdempotencyKey).MaximumLength(100);
    }
}

public sealed class PurchaseCreditHoursCommandHandler(IApplicationDbContext db, IMapper mapper, IUser user, TimeProvider clock, IRowLocks locks)
    : IRequestHandler<PurchaseCreditHoursCommand, CreditHourChangeDto>
{
    public async Task<CreditHourChangeDto> Handle(PurchaseCreditHoursCommand request, CancellationToken cancellationToken)
    {
        user.EnsureCanAccessCustomer(request.CustomerId);
        if (!await db.Customers.AnyAsync(c => c.Id == request.CustomerId, cancellationToken).ConfigureAwait(false))
        {
            throw NotFoundException.For("Customer", request.CustomerId);
        }

        var account = await BillingLoads.LockedAccountAsync(db, locks, request.CustomerId, cancellationToken).ConfigureAwait(false);
        var entry = account.Purchase(request.Hours, request.Note, request.Reference, user.AsActor(clock));
        db.CreditHourEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new CreditHourChangeDto(mapper.Map<CreditHourEntryDto>(entry), account.Balance, account.IsNegative, CreditHourWarnings.For(account.Balance));
    }
}
