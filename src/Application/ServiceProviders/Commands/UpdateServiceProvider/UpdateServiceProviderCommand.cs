using System.Text.Json.Serialization;
using WorkOrders.Application.ServiceProviders.Queries.GetServiceProviders;
using WorkOrders.Domain.ServiceProviders;

namespace WorkOrders.Application.ServiceProviders.Commands.UpdateServiceProvider;

/// <summary>Replaces a provider's details and active flag (If-Match); an inactive provider gets no new work.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record UpdateServiceProviderCommand : ICommand<ServiceProviderDto>, IServiceProviderBody
{
    [JsonIgnore]
    public Guid Id { get; init; }

    [JsonIgnore]
    public int? ExpectedVersion { get; init; }

    public string Name { get; init; } = string.Empty;
    public string Email { get; init; } = string.Empty;
    public string? Phone { get; init; }
    public ServiceProviderKind Kind { get; init; }
    public string? UserId { get; init; }
    public bool IsActive { get; init; } = true;
}

public sealed class UpdateServiceProviderCommandValidator : AbstractValidator<UpdateServiceProviderCommand>
{
    public UpdateServiceProviderCommandValidator() => this.AddServiceProviderRules();
}

public sealed class UpdateServiceProviderCommandHandler(IApplicationDbContext db, IMapper mapper)
    : IRequestHandler<UpdateServiceProviderCommand, ServiceProviderDto>
{
    public async Task<ServiceProviderDto> Handle(UpdateServiceProviderCommand request, CancellationToken cancellationToken)
    {
        var provider = await db.ServiceProviders.FindAsync([request.Id], cancellationToken).ConfigureAwait(false)
            ?? throw NotFoundException.For("Service provider", request.Id);
        PreconditionFailedException.ThrowIfStale("Service provider", provider.Version, request.ExpectedVersion);
        provider.Update(request.Name, request.Email, request.Phone, request.Kind, request.UserId);
        provider.SetActive(request.IsActive);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return mapper.Map<ServiceProviderDto>(provider);
    }
}
