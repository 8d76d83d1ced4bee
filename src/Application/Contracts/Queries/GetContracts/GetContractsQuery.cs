using WorkOrders.Application.Common.Mappings;
using WorkOrders.Domain.Contracts;

namespace WorkOrders.Application.Contracts.Queries.GetContracts;

[Authorize(Roles = Roles.CustomerReaders)]
public sealed record GetContractsQuery : IRequest<CursorPage<ContractDto>>
{
    public Guid CustomerId { get; init; }
    public ContractStatus? Status { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

public sealed class GetContractsQueryValidator : AbstractValidator<GetContractsQuery>
{
    public GetContractsQueryValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor<GetContractsQuery, IdCursor>();
    }
}

public sealed class GetContractsQueryHandler(IApplicationDbContext db, IMapper mapper, IUser user)
    : IRequestHandler<GetContractsQuery, CursorPage<ContractDto>>
{
    public async Task<CursorPage<ContractDto>> Handle(GetContractsQuery request, CancellationToken cancellationToken)
    {
        user.EnsureCanAccessCustomer(request.CustomerId);
        if (!await db.Customers.AnyAsync(c => c.Id == request.CustomerId, cancellationToken).ConfigureAwait(false))
        {
            throw NotFoundException.For("Customer", request.CustomerId);
        }

        var query = db.Contracts.AsNoTracking().Where(c => c.CustomerId == request.CustomerId);
        if (request.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        return await query.ToIdPageAsync<Contract, ContractDto>(request.Cursor, request.Limit, mapper.ConfigurationProvider, c => c.Id, cancellationToken)
            .ConfigureAwait(false);
    }
}
