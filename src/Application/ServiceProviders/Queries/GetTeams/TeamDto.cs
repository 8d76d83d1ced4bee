using WorkOrders.Domain.ServiceProviders;

namespace WorkOrders.Application.ServiceProviders.Queries.GetTeams;

public sealed record TeamDto
{
    public Guid Id { get; init; }
    public string Name { get; init; } = string.Empty;
    public bool IsActive { get; init; }
    public IReadOnlyCollection<Guid> MemberIds { get; init; } = [];
    public int Version { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<ServiceProviderTeam, TeamDto>();
    }
}
