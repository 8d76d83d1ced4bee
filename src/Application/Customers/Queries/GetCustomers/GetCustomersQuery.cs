using WorkOrders.Application.Common.Mappings;
using WorkOrders.Domain.Customers;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.Customers.Queries.GetCustomers;

/// <summary>Customers whose name contains <see cref="Search"/> (any part, case-insensitive), optionally of
/// one status, ordered by name, one keyset page at a time.</summary>
[Authorize(Roles = Roles.CustomerReaders)]
public sealed record GetCustomersQuery : IRequest<CursorPage<CustomerListItemDto>>
{
    public string? Search { get; init; }
    public CustomerStatus? Status { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>The keyset position: the normalised name and id of the last row of the previous page.</summary>
public sealed record CustomerCursor(string N, Guid Id);

public sealed class GetCustomersQueryValidator : AbstractValidator<GetCustomersQuery>
{
    public GetCustomersQueryValidator()
    {
        RuleFor(q => q.Search).MaximumLength(200);
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor<GetCustomersQuery, CustomerCursor>();
    }
}

public sealed class GetCustomersQueryHandler(IApplicationDbContext db, IMapper mapper, IUser user)
    : IRequestHandler<GetCustomersQuery, CursorPage<CustomerListItemDto>>
{
    public async Task<CursorPage<CustomerListItemDto>> Handle(GetCustomersQuery request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? Common.Models.Cursor.DefaultLimit;
        var query = db.Customers.AsNoTracking();

        if (user.CustomerScope is { } scope)
        {
            query = query.Where(c => scope.Contains(c.Id));
        }

        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var term = Customer.Normalize(request.Search);
            query = query.Where(c => c.NormalizedName.Contains(term));
        }

        if (request.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (Common.Models.Cursor.TryDecode<CustomerCursor>(request.Cursor) is { } after)
        {
#pragma warning disable CA1309 // translated to SQL: the database's own ordering, the same one ORDER BY uses
            query = query.Where(c => string.Compare(c.NormalizedName, after.N) > 0
                || (c.NormalizedName == after.N && c.Id.CompareTo(after.Id) > 0));
#pragma warning restore CA1309
        }

        // One statement: the page of customers and, per row, the five status counts as correlated
        // index-only counts over (CustomerId, Status) — no query per row.
        var inProgress = WorkOrderStatusMachine.InProgressGroup.ToList();
        var workOrders = db.WorkOrders.Where(w => !w.IsDeleted);
        var page = await query
            .OrderBy(c => c.NormalizedName).ThenBy(c => c.Id)
            .Take(limit + 1)
            .Select(c => new
            {
                Customer = c,
                Counts = new WorkOrderStatusCountsDto
                {
                    Draft = workOrders.Count(w => w.CustomerId == c.Id && w.Status == WorkOrderStatus.Draft),
                    Published = workOrders.Count(w => w.CustomerId == c.Id && w.Status == WorkOrderStatus.Published),
                    Assigned = workOrders.Count(w => w.CustomerId == c.Id && w.Status == WorkOrderStatus.Assigned),
                    InProgress = workOrders.Count(w => w.CustomerId == c.Id && inProgress.Contains(w.Status)),
                    Completed = workOrders.Count(w => w.CustomerId == c.Id && w.Status == WorkOrderStatus.Completed),
                },
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var rows = page.ConvertAll(r => mapper.Map<CustomerListItemDto>(r.Customer) with { WorkOrderCounts = r.Counts });

        // The stored key is Normalize(Name), so the cursor is derived from the last row shown.
        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            next = Common.Models.Cursor.Encode(new CustomerCursor(Customer.Normalize(rows[^1].Name), rows[^1].Id));
        }

        return new CursorPage<CustomerListItemDto>(rows, next);
    }
}
