using WorkOrders.Application.Common.Mappings;
using WorkOrders.Domain.Customers;
using WorkOrders.Domain.ServiceProviders;

namespace WorkOrders.Application.ServiceProviders.Queries.GetServiceProviders;

[Authorize(Roles = Roles.ProviderReaders)]
public sealed record GetServiceProvidersQuery : IRequest<CursorPage<ServiceProviderDto>>
{
    public string? Search { get; init; }
    public ServiceProviderKind? Kind { get; init; }
    public bool? Active { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

public sealed class GetServiceProvidersQueryValidator : AbstractValidator<GetServiceProvidersQuery>
{
    public GetServiceProvidersQueryValidator()
    {
        RuleFor(q => q.Search).MaximumLength(200);
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.Limit).ValidLimit();
        RuleFor(q => q.Cursor).ValidCursor<GetServiceProvidersQuery, IdCursor>();
    }
}

public sealed class GetServiceProvidersQueryHandler(IApplicationDbContext db, IMapper mapper)
    : IRequestHandler<GetServiceProvidersQuery, CursorPage<ServiceProviderDto>>
{
    public Task<CursorPage<ServiceProviderDto>> Handle(GetServiceProvidersQuery request, CancellationToken cancellationToken)
    {
        var query = db.ServiceProviders.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var term = Customer.Normalize(request.Search);
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL UPPER(...) LIKE: compared with the invariant upper-case term
            query = query.Where(p => p.Name.ToUpper().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (request.Kind is { } kind)
        {
            query = query.Where(p => p.Kind == kind);
        }

        if (request.Active is { } active)
        {
            query = query.Where(p => p.IsActive == active);
        }

        return query.ToIdPageAsync<ServiceProvider, ServiceProviderDto>(request.Cursor, request.Limit, mapper.ConfigurationProvider, p => p.Id, cancellationToken);
    }
}

[Authorize(Roles = Roles.ProviderReaders)]
public sealed record GetServiceProviderQuery(Guid Id) : IRequest<ServiceProviderDto>;

public sealed class GetServiceProviderQueryHandler(IApplicationDbContext db, IMapper mapper) : IRequestHandler<GetServiceProviderQuery, ServiceProviderDto>
{
    public async Task<ServiceProviderDto> Handle(GetServiceProviderQuery request, CancellationToken cancellationToken) =>
        await db.ServiceProviders.AsNoTracking().Where(p => p.Id == request.Id)
            .ProjectTo<ServiceProviderDto>(mapper.ConfigurationProvider)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
        ?? throw NotFoundException.For("Service provider", request.Id);
}
