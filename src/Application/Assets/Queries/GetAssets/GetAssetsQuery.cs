using WorkOrders.Application.Common.Mappings;
using WorkOrders.Domain.Assets;

namespace WorkOrders.Application.Assets.Queries.GetAssets;

[Authorize(Roles = Roles.CustomerReaders)]
public sealed record GetAssetsQuery : IRequest<CursorPage<AssetDto>>
{
    public Guid CustomerId { get; init; }
    public Guid? SiteId { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

public sealed class GetAssetsQueryValidator : AbstractValidator<GetAssetsQuery>
{
    public GetAssetsQueryValidator()
    {
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor<GetAssetsQuery, IdCursor>();
    }
}

public sealed class GetAssetsQueryHandler(IApplicationDbContext db, IMapper mapper, IUser user)
    : IRequestHandler<GetAssetsQuery, CursorPage<AssetDto>>
{
    public async Task<CursorPage<AssetDto>> Handle(GetAssetsQuery request, CancellationToken cancellationToken)
    {
        user.EnsureCanAccessCustomer(request.CustomerId);
        if (!await db.Customers.AnyAsync(c => c.Id == request.CustomerId, cancellationToken).ConfigureAwait(false))
        {
            throw NotFoundException.For("Customer", request.CustomerId);
        }

        var query = db.Assets.AsNoTracking().Where(a => a.CustomerId == request.CustomerId);
        if (request.SiteId is { } siteId)
        {
            query = query.Where(a => a.SiteId == siteId);
        }

        return await query.ToIdPageAsync<Asset, AssetDto>(request.Cursor, request.Limit, mapper.ConfigurationProvider, a => a.Id, cancellationToken)
            .ConfigureAwait(false);
    }
}
