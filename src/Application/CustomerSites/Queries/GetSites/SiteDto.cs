using WorkOrders.Domain.CustomerSites;

namespace WorkOrders.Application.CustomerSites.Queries.GetSites;

public sealed record SiteDto
{
    public Guid Id { get; init; }
    public Guid CustomerId { get; init; }
    public string Name { get; init; } = string.Empty;
    public AddressDto Address { get; init; } = null!;
    public ContactDto Contact { get; init; } = null!;
    public SiteStatus Status { get; init; }
    public DateTime? DeactivatedAt { get; init; }
    public string? DeactivationReason { get; init; }
    public DateTime CreatedAt { get; init; }
    public int Version { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<CustomerSite, SiteDto>();
    }
}
