using WorkOrders.Application.Customers.Queries.GetCustomer;

namespace WorkOrders.Application.Customers.Commands.ReactivateCustomer;

/// <summary>Reactivates the customer only: its sites are reactivated one by one, and what the
/// deactivation cancelled stays cancelled.</summary>
[Authorize(Roles = Roles.Office)]
public sealed record ReactivateCustomerCommand(Guid Id) : ICommand<CustomerDto>;

public sealed class ReactivateCustomerCommandHandler(IApplicationDbContext db, IMapper mapper)
    : IRequestHandler<ReactivateCustomerCommand, CustomerDto>
{
    public async Task<CustomerDto> Handle(ReactivateCustomerCommand request, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.FindAsync([request.Id], cancellationToken).ConfigureAwait(false)
            ?? throw NotFoundException.For("Customer", request.Id);
        customer.Reactivate();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return mapper.Map<CustomerDto>(customer);
    }
}
