using WorkOrders.Application.Customers.Queries.GetCustomer;
using WorkOrders.Domain.Customers;

namespace WorkOrders.Application.Customers.Commands.CreateCustomer;

/// <summary>Creates an Active customer with its primary contact.</summary>
[Authorize(Roles = Roles.Office)]
public sealed record CreateCustomerCommand : ICommand<CustomerDto>, ICustomerDetailsBody
{
    public string Name { get; init; } = string.Empty;
    public string? Description { get; init; }
    public AddressDto? BillingAddress { get; init; }
    public ContactDto Contact { get; init; } = null!;
}

public sealed class CreateCustomerCommandHandler(IApplicationDbContext db, IMapper mapper)
    : IRequestHandler<CreateCustomerCommand, CustomerDto>
{
    public async Task<CustomerDto> Handle(CreateCustomerCommand request, CancellationToken cancellationToken)
    {
        var customer = Customer.Create(request.Name, request.Description, request.BillingAddress?.ToDomain(), request.Contact.ToDomain());
        db.Customers.Add(customer);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return mapper.Map<CustomerDto>(customer);
    }
}
