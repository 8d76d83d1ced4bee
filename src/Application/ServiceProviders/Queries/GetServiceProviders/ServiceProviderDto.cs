using WorkOrders.Domain.ServiceProviders;

namespace WorkOrders.Application.ServiceProviders.Queries.GetServiceProviders;

public sealed record ServiceProviderDto
{
    public Guid Id { get; init; }
    public string Name { get; init; } = string.Empty;
    public string Email { get; init; } = string.Empty;
    public string? Phone { get; init; }
    public ServiceProviderKind Kind { get; init; }
    public bool IsActive { get; init; }
    public bool IsThirdParty { get; init; }
    public string? UserId { get; init; }
    public int Version { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<ServiceProvider, ServiceProviderDto>()
            .ForMember(d => d.IsThirdParty, o => o.MapFrom(s => s.Kind != ServiceProviderKind.InternalTechnician));
    }
}
