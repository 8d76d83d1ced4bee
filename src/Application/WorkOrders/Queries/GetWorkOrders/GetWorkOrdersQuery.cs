using System.Linq.Expressions;
using WorkOrders.Application.Common.Mappings;
using WorkOrders.Domain.Customers;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.WorkOrders.Queries.GetWorkOrders;

public enum WorkOrderSort
{
    /// <summary>Highest number first (default).</summary>
    Newest,
    Oldest,

    /// <summary>Earliest scheduled start first; unscheduled last.</summary>
    Scheduled,
}

/// <summary>Work orders by any combination of filters, free text and sort; keyset pages.</summary>
[Authorize(Roles = Roles.WorkOrderReaders)]
public sealed record GetWorkOrdersQuery : IRequest<CursorPage<WorkOrderListItemDto>>
{
    public Guid? CustomerId { get; init; }
    public IReadOnlyList<WorkOrderStatus>? Status { get; init; }
    public RoutingKind? Routing { get; init; }
    public Guid? ProviderId { get; init; }
    public Guid? TeamId { get; init; }
    public InvoiceStatus? InvoiceStatus { get; init; }
    public bool? PaymentApproved { get; init; }
    public WorkOrderSource? Source { get; init; }
    public WorkOrderCategory? Category { get; init; }
    public DateTime? CreatedFrom { get; init; }
    public DateTime? CreatedTo { get; init; }
    public DateTime? ScheduledFrom { get; init; }
    public DateTime? ScheduledTo { get; init; }

    /// <summary>Free text: a work-order number (WO-000123 or 123), or any part of the title, service requested or requester.</summary>
    public string? Q { get; init; }

    /// <summary>The open queue: not Completed/Cancelled, and assigned to the caller or new and unassigned.</summary>
    public bool Mine { get; init; }

    public WorkOrderSort Sort { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>Keyset position: the number (and scheduled start, for that sort) of the last row.</summary>
public sealed record WorkOrderCursor(long N, DateTime? S, WorkOrderSort Sort);

public sealed class GetWorkOrdersQueryValidator : AbstractValidator<GetWorkOrdersQuery>
{
    public GetWorkOrdersQueryValidator()
    {
        RuleForEach(q => q.Status).IsInEnum();
        RuleFor(q => q.Routing).IsInEnum();
        RuleFor(q => q.InvoiceStatus).IsInEnum();
        RuleFor(q => q.Source).IsInEnum();
        RuleFor(q => q.Category).IsInEnum();
        RuleFor(q => q.Sort).IsInEnum();
        RuleFor(q => q.Q).MaximumLength(200);
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor<GetWorkOrdersQuery, WorkOrderCursor>()
            .Must((q, c) => Common.Models.Cursor.TryDecode<WorkOrderCursor>(c) is not { } cursor || cursor.Sort == q.Sort)
            .WithMessage("'Cursor' belongs to another sort order.");
        RuleFor(q => q.CreatedTo).GreaterThanOrEqualTo(q => q.CreatedFrom).When(q => q.CreatedFrom is not null && q.CreatedTo is not null);
        RuleFor(q => q.ScheduledTo).GreaterThanOrEqualTo(q => q.ScheduledFrom).When(q => q.ScheduledFrom is not null && q.ScheduledTo is not null);
    }
}

public sealed class GetWorkOrdersQueryHandler(IApplicationDbContext db, WorkOrderAccess access)
    : IRequestHandler<GetWorkOrdersQuery, CursorPage<WorkOrderListItemDto>>
{
    public async Task<CursorPage<WorkOrderListItemDto>> Handle(GetWorkOrdersQuery request, CancellationToken cancellationToken)
    {
        var query = await access.VisibleAsync(cancellationToken).ConfigureAwait(false);
        query = await FilterAsync(query, request, cancellationToken).ConfigureAwait(false);
        var limit = request.Limit ?? Common.Models.Cursor.DefaultLimit;

        var after = Common.Models.Cursor.TryDecode<WorkOrderCursor>(request.Cursor);
        query = request.Sort switch
        {
            WorkOrderSort.Oldest => (after is null ? query : query.Where(w => w.Number > after.N)).OrderBy(w => w.Number),
            WorkOrderSort.Scheduled => AfterScheduled(query, after).OrderBy(w => w.ScheduledStart == null).ThenBy(w => w.ScheduledStart).ThenBy(w => w.Number),
            _ => (after is null ? query : query.Where(w => w.Number < after.N)).OrderByDescending(w => w.Number),
        };

        var rows = (await Project(query.Take(limit + 1)).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ConvertAll(r => r with { DisplayNumber = WorkOrderNumber.Format(r.Number) });
        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            next = Common.Models.Cursor.Encode(new WorkOrderCursor(rows[^1].Number, rows[^1].ScheduledStart, request.Sort));
        }

        return new CursorPage<WorkOrderListItemDto>(rows, next);
    }

    private async Task<IQueryable<WorkOrder>> FilterAsync(IQueryable<WorkOrder> query, GetWorkOrdersQuery r, CancellationToken cancellationToken)
    {
        if (r.CustomerId is { } customerId)
        {
            query = query.Where(w => w.CustomerId == customerId);
        }

        if (r.Status is { Count: > 0 } statuses)
        {
            var list = statuses.Distinct().ToList();
            query = list.Count == 1 ? query.Where(w => w.Status == list[0]) : query.Where(w => list.Contains(w.Status));
        }

        if (r.Routing is { } routing)
        {
            query = query.Where(w => w.Routing == routing);
        }

        if (r.ProviderId is { } providerId)
        {
            query = query.Where(w => w.ProviderId == providerId);
        }

        if (r.TeamId is { } teamId)
        {
            query = query.Where(w => w.TeamId == teamId);
        }

        if (r.InvoiceStatus is { } invoice)
        {
            query = query.Where(w => w.InvoiceStatus == invoice);
        }

        if (r.PaymentApproved is { } approved)
        {
            query = approved ? query.Where(w => w.PaymentApprovedAt != null) : query.Where(w => w.PaymentApprovedAt == null);
        }

        if (r.Source is { } source)
        {
            query = query.Where(w => w.Source == source);
        }

        if (r.Category is { } category)
        {
            query = query.Where(w => w.Category == category);
        }

        if (r.CreatedFrom is { } createdFrom)
        {
            query = query.Where(w => w.CreatedAt >= createdFrom.ToUniversalTime());
        }

        if (r.CreatedTo is { } createdTo)
        {
            query = query.Where(w => w.CreatedAt <= createdTo.ToUniversalTime());
        }

        if (r.ScheduledFrom is { } scheduledFrom)
        {
            query = query.Where(w => w.ScheduledStart >= scheduledFrom.ToUniversalTime());
        }

        if (r.ScheduledTo is { } scheduledTo)
        {
            query = query.Where(w => w.ScheduledStart <= scheduledTo.ToUniversalTime());
        }

        if (!string.IsNullOrWhiteSpace(r.Q))
        {
            var term = Customer.Normalize(r.Q);
            query = WorkOrderNumber.TryParse(r.Q, out var number)
                ? query.Where(w => w.Number == number || w.SearchText.Contains(term))
                : query.Where(w => w.SearchText.Contains(term));
        }

        if (r.Mine)
        {
            var open = WorkOrderStatusMachine.OpenStatuses.ToList();
            var (providers, teams) = await access.MineAsync(cancellationToken).ConfigureAwait(false);
            query = query.Where(w => open.Contains(w.Status)
                && ((w.Status == WorkOrderStatus.Published && w.Routing == RoutingKind.Unassigned)
                    || (w.ProviderId != null && providers.Contains(w.ProviderId.Value))
                    || (w.TeamId != null && teams.Contains(w.TeamId.Value))));
        }

        return query;
    }

    /// <summary>Scheduled order is (unscheduled last, start, number); the keyset continues after the cursor's row.</summary>
    private static IQueryable<WorkOrder> AfterScheduled(IQueryable<WorkOrder> query, WorkOrderCursor? after)
    {
        if (after is null)
        {
            return query;
        }

        if (after.S is { } s)
        {
            return query.Where(w => w.ScheduledStart == null || w.ScheduledStart > s || (w.ScheduledStart == s && w.Number > after.N));
        }

        return query.Where(w => w.ScheduledStart == null && w.Number > after.N);
    }

    private IQueryable<WorkOrderListItemDto> Project(IQueryable<WorkOrder> query) => query.Select(ToListItem(db));

    /// <summary>The grid row, names joined in the same SQL statement.</summary>
    internal static Expression<Func<WorkOrder, WorkOrderListItemDto>> ToListItem(IApplicationDbContext db) => w => new WorkOrderListItemDto
    {
        Id = w.Id,
        Number = w.Number,
        Title = w.Title,
        CustomerId = w.CustomerId,
        CustomerName = db.Customers.Where(c => c.Id == w.CustomerId).Select(c => c.Name).First(),
        SiteId = w.SiteId,
        SiteName = db.CustomerSites.Where(s => s.Id == w.SiteId).Select(s => s.Name).First(),
        Status = w.Status,
        Source = w.Source,
        Category = w.Category,
        Routing = w.Routing,
        ProviderId = w.ProviderId,
        ProviderName = db.ServiceProviders.Where(p => p.Id == w.ProviderId).Select(p => p.Name).FirstOrDefault(),
        TeamId = w.TeamId,
        TeamName = db.ServiceProviderTeams.Where(t => t.Id == w.TeamId).Select(t => t.Name).FirstOrDefault(),
        InvoiceStatus = w.InvoiceStatus,
        PaymentApproved = w.PaymentApprovedAt != null,
        ScheduledStart = w.ScheduledStart,
        ScheduledEnd = w.ScheduledEnd,
        CreatedAt = w.CreatedAt,
        StatusChangedAt = w.StatusChangedAt,
    };
}
