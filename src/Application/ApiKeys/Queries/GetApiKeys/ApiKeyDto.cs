using WorkOrders.Domain.Partners;

namespace WorkOrders.Application.ApiKeys.Queries.GetApiKeys;

public sealed record ApiKeyDto
{
    public Guid Id { get; init; }
    public string Name { get; init; } = string.Empty;
    public string Prefix { get; init; } = string.Empty;
    public IReadOnlyCollection<Guid> CustomerIds { get; init; } = [];
    public DateTime CreatedAt { get; init; }
    public string? CreatedBy { get; init; }
    public DateTime? RevokedAt { get; init; }
    public DateTime? LastUsedAt { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<ApiKey, ApiKeyDto>();
    }
}
