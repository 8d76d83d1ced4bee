using System.Text.Json.Serialization;
using WorkOrders.Application.CustomerSites.Queries.GetSites;
using WorkOrders.Domain.CustomerSites;

namespace WorkOrders.Application.CustomerSites.Commands.CreateSite;

/// <summary>Adds a site to an active customer; without a contact, the customer's primary contact is used.</summary>
[Authorize(Roles = Roles.Office)]
public sealed record CreateSiteCommand : ICommand<SiteDto>
{
    [JsonIgnore]
    public Guid CustomerId { get; init; }

    public string Name { get; init; } = string.Empty;
    public AddressDto? Address { get; init; }
    public ContactDto? Contact { get; init; }
}

public sealed class CreateSiteCommandValidator : AbstractValidator<CreateSiteCommand>
{
    public CreateSiteCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(CustomerSite.NameMaxLength);
        RuleFor(c => c.Address!).SetValidator(new AddressDtoValidator()).When(c => c.Address is not null);
        RuleFor(c => c.Contact!).SetValidator(new ContactDtoValidator()).When(c => c.Contact is not null);
    }
}

public sealed class CreateSiteCommandHandler(IApplicationDbContext db, IMapper mapper)
    : IRequestHandler<CreateSiteCommand, SiteDto>
{
    public async Task<SiteDto> Handle(CreateSiteCommand request, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.FindAsync([request.CustomerId], cancellationToken).ConfigureAwait(false)
            ?? throw NotFoundException.For("Customer", request.CustomerId);
        var site = CustomerSite.Create(customer, request.Name, request.Address?.ToDomain(), request.Contact?.ToDomain());
        db.CustomerSites.Add(site);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return mapper.Map<SiteDto>(site);
    }
}
