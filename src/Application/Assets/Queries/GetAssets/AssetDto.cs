using WorkOrders.Domain.Assets;

namespace WorkOrders.Application.Assets.Queries.GetAssets;

public sealed record AssetDto
{
    public Guid Id { get; init; }
    public Guid CustomerId { get; init; }
    public Guid SiteId { get; init; }
    public string Name { get; init; } = string.Empty;
    public string? Model { get; init; }
    public string? SerialNumber { get; init; }
    public DateTime CreatedAt { get; init; }
    public int Version { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<Asset, AssetDto>();
    }
}
