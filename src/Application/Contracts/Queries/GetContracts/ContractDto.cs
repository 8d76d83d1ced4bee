using WorkOrders.Domain.Contracts;

namespace WorkOrders.Application.Contracts.Queries.GetContracts;

public sealed record ContractDto
{
    public Guid Id { get; init; }
    public Guid CustomerId { get; init; }
    public string Number { get; init; } = string.Empty;
    public string Name { get; init; } = string.Empty;
    public DateOnly StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public ContractStatus Status { get; init; }
    public DateTime? CancelledAt { get; init; }
    public string? CancellationReason { get; init; }
    public DateTime CreatedAt { get; init; }
    public int Version { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<Contract, ContractDto>();
    }
}
