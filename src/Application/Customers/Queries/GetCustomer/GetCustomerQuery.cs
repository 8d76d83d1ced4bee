namespace WorkOrders.Application.Customers.Queries.GetCustomer;

[Authorize(Roles = Roles.CustomerReaders)]
public sealed record GetCustomerQuery(Guid Id) : IRequest<CustomerDto>;

public sealed class GetCustomerQueryHandler(IApplicationDbContext db, IMapper mapper, IUser user)
    : IRequestHandler<GetCustomerQuery, CustomerDto>
{
    public async Task<CustomerDto> Handle(GetCustomerQuery request, CancellationToken cancellationToken)
    {
        user.EnsureCanAccessCustomer(request.Id);
        return await db.Customers.AsNoTracking()
            .Where(c => c.Id == request.Id)
            .ProjectTo<CustomerDto>(mapper.ConfigurationProvider)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw NotFoundException.For("Customer", request.Id);
    }
}
