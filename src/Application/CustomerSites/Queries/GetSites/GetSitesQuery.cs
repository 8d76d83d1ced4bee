using WorkOrders.Application.Common.Mappings;
using WorkOrders.Domain.CustomerSites;

namespace WorkOrders.Application.CustomerSites.Queries.GetSites;

[Authorize(Roles = Roles.CustomerReaders)]
public sealed record GetSitesQuery : IRequest<CursorPage<SiteDto>>
{
    public Guid CustomerId { get; init; }
    public SiteStatus? Status { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

public sealed class GetSitesQueryValidator : AbstractValidator<GetSitesQuery>
{
    public GetSitesQueryValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor<GetSitesQuery, IdCursor>();
    }
}

public sealed class GetSitesQueryHandler(IApplicationDbContext db, IMapper mapper, IUser user)
    : IRequestHandler<GetSitesQuery, CursorPage<SiteDto>>
{
    public async Task<CursorPage<SiteDto>> Handle(GetSitesQuery request, CancellationToken cancellationToken)
    {
        user.EnsureCanAccessCustomer(request.CustomerId);
        if (!await db.Customers.AnyAsync(c => c.Id == request.CustomerId, cancellationToken).ConfigureAwait(false))
        {
            throw NotFoundException.For("Customer", request.CustomerId);
        }

        var query = db.CustomerSites.AsNoTracking().Where(s => s.CustomerId == request.CustomerId);
        if (request.Status is { } status)
        {
            query = query.Where(s => s.Status == status);
        }

        return await query.ToIdPageAsync<CustomerSite, SiteDto>(request.Cursor, request.Limit, mapper.ConfigurationProvider, s => s.Id, cancellationToken)
            .ConfigureAwait(false);
    }
}
