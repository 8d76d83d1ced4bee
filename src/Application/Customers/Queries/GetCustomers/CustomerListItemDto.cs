using WorkOrders.Domain.Customers;

namespace WorkOrders.Application.Customers.Queries.GetCustomers;

/// <summary>A row of the All Customers grid.</summary>
public sealed record CustomerListItemDto
{
    public Guid Id { get; init; }
    public string Name { get; init; } = string.Empty;
    public string? Description { get; init; }
    public CustomerStatus Status { get; init; }
    public string ContactName { get; init; } = string.Empty;
    public string ContactEmail { get; init; } = string.Empty;
    public string? ContactPhone { get; init; }
    public string? City { get; init; }
    public DateTime CreatedAt { get; init; }

    /// <summary>The customer's dashboard: counts of the five key work-order statuses.</summary>
    public WorkOrderStatusCountsDto WorkOrderCounts { get; init; } = new();

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<Customer, CustomerListItemDto>()
            .ForMember(d => d.ContactName, o => o.MapFrom(s => s.Contact.Name))
            .ForMember(d => d.ContactEmail, o => o.MapFrom(s => s.Contact.Email))
            .ForMember(d => d.ContactPhone, o => o.MapFrom(s => s.Contact.Phone))
            .ForMember(d => d.City, o => o.MapFrom(s => s.BillingAddress.City))
            .ForMember(d => d.WorkOrderCounts, o => o.Ignore());
    }
}

/// <summary>Draft, Published ("New"), Assigned, In Progress (with the three Waiting states) and Completed.</summary>
public sealed record WorkOrderStatusCountsDto
{
    public int Draft { get; init; }
    public int Published { get; init; }
    public int Assigned { get; init; }
    public int InProgress { get; init; }
    public int Completed { get; init; }
}
