using WorkOrders.Application.Common.Mappings;
using WorkOrders.Domain.Billing;

namespace WorkOrders.Application.Billing.Queries.GetCreditHours;

/// <summary>The keyset position in a ledger: the sequence number of the last entry seen.</summary>
public sealed record LedgerCursor(long Sequence);

/// <summary>A customer's credit-hour bank and its ledger, newest entries first (<c>?limit=&amp;cursor=</c>).</summary>
[Authorize(Roles = Roles.Billing)]
public sealed record GetCreditHoursQuery : IRequest<CreditHourLedgerDto>
{
    public Guid CustomerId { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

public sealed class GetCreditHoursQueryValidator : AbstractValidator<GetCreditHoursQuery>
{
    public GetCreditHoursQueryValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor<GetCreditHoursQuery, LedgerCursor>();
    }
}

public sealed class GetCreditHoursQueryHandler(IApplicationDbContext db, IMapper mapper, IUser user)
    : IRequestHandler<GetCreditHoursQuery, CreditHourLedgerDto>
{
    public async Task<CreditHourLedgerDto> Handle(GetCreditHoursQuery request, CancellationToken cancellationToken)
    {
        user.EnsureCanAccessCustomer(request.CustomerId);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == request.CustomerId)
            .Select(c => new { c.Name, Balance = db.CreditHourAccounts.Where(a => a.Id == c.Id).Select(a => (decimal?)a.Balance).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw NotFoundException.For("Customer", request.CustomerId);

        var ledger = db.CreditHourEntries.AsNoTracking().Where(e => e.CustomerId == request.CustomerId);
        var totals = await ledger.GroupBy(e => e.Kind == CreditHourEntryKind.Purchase)
            .Select(g => new { Purchase = g.Key, Hours = g.Sum(e => e.Hours) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var take = request.Limit ?? Cursor.DefaultLimit;
        var page = ledger;
        if (Cursor.TryDecode<LedgerCursor>(request.Cursor) is { } after)
        {
            page = page.Where(e => e.Sequence < after.Sequence);
        }

        var rows = await page.OrderByDescending(e => e.Sequence).Take(take + 1)
            .ProjectTo<CreditHourEntryDto>(mapper.ConfigurationProvider).ToListAsync(cancellationToken).ConfigureAwait(false);
        string? next = null;
        if (rows.Count > take)
        {
            rows.RemoveAt(take);
            next = Cursor.Encode(new LedgerCursor(rows[^1].Sequence));
        }

        var balance = customer.Balance ?? 0m;
        return new CreditHourLedgerDto
        {
            CustomerId = request.CustomerId,
            CustomerName = customer.Name,
            Balance = balance,
            BalanceNegative = balance < 0,
            Warning = CreditHourWarnings.For(balance),
            PurchasedHours = BillingPolicy.Round(totals.Where(t => t.Purchase).Sum(t => t.Hours)),
            UsedHours = BillingPolicy.Round(-totals.Where(t => !t.Purchase).Sum(t => t.Hours)),
            Entries = rows,
            NextCursor = next,
        };
    }
}
