using System.Text.Json.Serialization;
using WorkOrders.Application.Customers.Queries.GetCustomer;

namespace WorkOrders.Application.Customers.Commands.UpdateCustomer;

/// <summary>Replaces a customer's details; <see cref="ExpectedVersion"/> comes from If-Match.</summary>
[Authorize(Roles = Roles.Office)]
public sealed record UpdateCustomerCommand : ICommand<CustomerDto>, ICustomerDetailsBody
{
    [JsonIgnore]
    public Guid Id { get; init; }

    [JsonIgnore]
    public int? ExpectedVersion { get; init; }

    public string Name { get; init; } = string.Empty;
    public string? Description { get; init; }
    public AddressDto? BillingAddress { get; init; }
    public ContactDto Contact { get; init; } = null!;
}

public sealed class UpdateCustomerCommandHandler(IApplicationDbContext db, IMapper mapper)
    : IRequestHandler<UpdateCustomerCommand, CustomerDto>
{
    public async Task<CustomerDto> Handle(UpdateCustomerCommand request, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.FindAsync([request.Id], cancellationToken).ConfigureAwait(false)
            ?? throw NotFoundException.For("Customer", request.Id);
        PreconditionFailedException.ThrowIfStale("Customer", customer.Version, request.ExpectedVersion);

        customer.Update(request.Name, request.Description, request.BillingAddress?.ToDomain(), request.Contact.ToDomain());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return mapper.Map<CustomerDto>(customer);
    }
}
