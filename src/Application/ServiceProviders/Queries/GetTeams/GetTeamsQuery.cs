namespace WorkOrders.Application.ServiceProviders.Queries.GetTeams;

[Authorize(Roles = Roles.ProviderReaders)]
public sealed record GetTeamsQuery : IRequest<IReadOnlyList<TeamDto>>;

public sealed class GetTeamsQueryHandler(IApplicationDbContext db, IMapper mapper) : IRequestHandler<GetTeamsQuery, IReadOnlyList<TeamDto>>
{
    public async Task<IReadOnlyList<TeamDto>> Handle(GetTeamsQuery request, CancellationToken cancellationToken)
    {
        var teams = await db.ServiceProviderTeams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        return mapper.Map<List<TeamDto>>(teams);
    }
}
