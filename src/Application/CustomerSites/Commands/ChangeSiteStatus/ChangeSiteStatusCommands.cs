using System.Text.Json.Serialization;
using WorkOrders.Application.CustomerSites.Queries.GetSites;

namespace WorkOrders.Application.CustomerSites.Commands.ChangeSiteStatus;

[Authorize(Roles = Roles.Office)]
public sealed record DeactivateSiteCommand : ICommand<SiteDto>
{
    [JsonIgnore]
    public Guid Id { get; init; }

    public string? Reason { get; init; }
}

/// <summary>Reactivates one site; its customer must be active.</summary>
[Authorize(Roles = Roles.Office)]
public sealed record ReactivateSiteCommand(Guid Id) : ICommand<SiteDto>;

public sealed class DeactivateSiteCommandValidator : AbstractValidator<DeactivateSiteCommand>
{
    public DeactivateSiteCommandValidator() => RuleFor(c => c.Reason).MaximumLength(500);
}

public sealed class ChangeSiteStatusHandlers(IApplicationDbContext db, IMapper mapper, TimeProvider clock)
    : IRequestHandler<DeactivateSiteCommand, SiteDto>, IRequestHandler<ReactivateSiteCommand, SiteDto>
{
    public async Task<SiteDto> Handle(DeactivateSiteCommand request, CancellationToken cancellationToken)
    {
        var site = await db.CustomerSites.FindAsync([request.Id], cancellationToken).ConfigureAwait(false)
            ?? throw NotFoundException.For("Site", request.Id);
        site.Deactivate(request.Reason, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return mapper.Map<SiteDto>(site);
    }

    public async Task<SiteDto> Handle(ReactivateSiteCommand request, CancellationToken cancellationToken)
    {
        var site = await db.CustomerSites.FindAsync([request.Id], cancellationToken).ConfigureAwait(false)
            ?? throw NotFoundException.For("Site", request.Id);
        var customer = await db.Customers.SingleAsync(c => c.Id == site.CustomerId, cancellationToken).ConfigureAwait(false);
        site.Reactivate(customer);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return mapper.Map<SiteDto>(site);
    }
}
