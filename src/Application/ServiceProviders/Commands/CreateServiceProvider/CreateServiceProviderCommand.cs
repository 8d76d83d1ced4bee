using WorkOrders.Application.ServiceProviders.Queries.GetServiceProviders;
using WorkOrders.Domain.ServiceProviders;

namespace WorkOrders.Application.ServiceProviders.Commands.CreateServiceProvider;

/// <summary>Registers an internal technician (optionally linked to a user), an external technician or a partner company.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record CreateServiceProviderCommand : ICommand<ServiceProviderDto>, IServiceProviderBody
{
    public string Name { get; init; } = string.Empty;
    public string Email { get; init; } = string.Empty;
    public string? Phone { get; init; }
    public ServiceProviderKind Kind { get; init; }
    public string? UserId { get; init; }
}

public sealed class CreateServiceProviderCommandValidator : AbstractValidator<CreateServiceProviderCommand>
{
    public CreateServiceProviderCommandValidator() => this.AddServiceProviderRules();
}

public sealed class CreateServiceProviderCommandHandler(IApplicationDbContext db, IMapper mapper, IIdentityService identity)
    : IRequestHandler<CreateServiceProviderCommand, ServiceProviderDto>
{
    public async Task<ServiceProviderDto> Handle(CreateServiceProviderCommand request, CancellationToken cancellationToken)
    {
        if (request.UserId is { Length: > 0 } userId && await identity.GetUserAsync(userId, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new ValidationException(nameof(request.UserId), "'User Id' is not a user.");
        }

        var provider = ServiceProvider.Create(request.Name, request.Email, request.Phone, request.Kind, request.UserId);
        db.ServiceProviders.Add(provider);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return mapper.Map<ServiceProviderDto>(provider);
    }
}
