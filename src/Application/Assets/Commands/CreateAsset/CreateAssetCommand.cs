using System.Text.Json.Serialization;
using WorkOrders.Application.Assets.Queries.GetAssets;
using WorkOrders.Domain.Assets;

namespace WorkOrders.Application.Assets.Commands.CreateAsset;

/// <summary>Registers equipment of an active customer at one of its active sites.</summary>
[Authorize(Roles = Roles.Office)]
public sealed record CreateAssetCommand : ICommand<AssetDto>
{
    [JsonIgnore]
    public Guid CustomerId { get; init; }

    public Guid SiteId { get; init; }
    public string Name { get; init; } = string.Empty;
    public string? Model { get; init; }
    public string? SerialNumber { get; init; }
}

public sealed class CreateAssetCommandValidator : AbstractValidator<CreateAssetCommand>
{
    public CreateAssetCommandValidator()
    {
        RuleFor(c => c.SiteId).NotEmpty();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Model).MaximumLength(200);
        RuleFor(c => c.SerialNumber).MaximumLength(100);
    }
}

public sealed class CreateAssetCommandHandler(IApplicationDbContext db, IMapper mapper)
    : IRequestHandler<CreateAssetCommand, AssetDto>
{
    public async Task<AssetDto> Handle(CreateAssetCommand request, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.FindAsync([request.CustomerId], cancellationToken).ConfigureAwait(false)
            ?? throw NotFoundException.For("Customer", request.CustomerId);
        var site = await db.CustomerSites.FindAsync([request.SiteId], cancellationToken).ConfigureAwait(false);
        if (site is null || site.CustomerId != customer.Id)
        {
            throw new ValidationException(nameof(request.SiteId), "'Site Id' is not a site of this customer.");
        }

        var asset = Asset.Create(customer, site, request.Name, request.Model, request.SerialNumber);
        db.Assets.Add(asset);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return mapper.Map<AssetDto>(asset);
    }
}
