using WorkOrders.Domain.Customers;

namespace WorkOrders.Application.Customers.Queries.GetCustomer;

public sealed record CustomerDto
{
    public Guid Id { get; init; }
    public string Name { get; init; } = string.Empty;
    public string? Description { get; init; }
    public AddressDto BillingAddress { get; init; } = null!;
    public ContactDto Contact { get; init; } = null!;
    public CustomerStatus Status { get; init; }
    public DateTime? DeactivatedAt { get; init; }
    public string? DeactivationReason { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? UpdatedAt { get; init; }

    /// <summary>Concurrency version; the ETag of the resource.</summary>
    public int Version { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<Customer, CustomerDto>();
    }
}
