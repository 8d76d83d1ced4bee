namespace WorkOrders.Application.ApiKeys.Queries.GetApiKeys;

[Authorize(Roles = Roles.Admin)]
public sealed record GetApiKeysQuery : IRequest<IReadOnlyList<ApiKeyDto>>;

public sealed class GetApiKeysQueryHandler(IApplicationDbContext db, IMapper mapper)
    : IRequestHandler<GetApiKeysQuery, IReadOnlyList<ApiKeyDto>>
{
    public async Task<IReadOnlyList<ApiKeyDto>> Handle(GetApiKeysQuery request, CancellationToken cancellationToken)
    {
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return mapper.Map<List<ApiKeyDto>>(keys);
    }
}
