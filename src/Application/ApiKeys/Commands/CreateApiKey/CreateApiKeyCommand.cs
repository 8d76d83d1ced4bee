using WorkOrders.Application.ApiKeys.Queries.GetApiKeys;
using WorkOrders.Domain.Partners;

namespace WorkOrders.Application.ApiKeys.Commands.CreateApiKey;

/// <summary>Creates a partner API key scoped to the given customers. The key is in this answer only.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record CreateApiKeyCommand : ICommand<CreatedApiKeyDto>
{
    public string Name { get; init; } = string.Empty;
    public IReadOnlyList<Guid> CustomerIds { get; init; } = [];
}

/// <summary>The new key (<see cref="Key"/> is shown this once and never again) and its details.</summary>
public sealed record CreatedApiKeyDto(string Key, ApiKeyDto ApiKey);

public sealed class CreateApiKeyCommandValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.CustomerIds).NotEmpty().Must(ids => ids.Count <= 1000).WithMessage("'Customer Ids' may list at most 1000 customers.");
        RuleForEach(c => c.CustomerIds).NotEmpty();
    }
}

public sealed class CreateApiKeyCommandHandler(IApplicationDbContext db, IMapper mapper)
    : IRequestHandler<CreateApiKeyCommand, CreatedApiKeyDto>
{
    public async Task<CreatedApiKeyDto> Handle(CreateApiKeyCommand request, CancellationToken cancellationToken)
    {
        var ids = request.CustomerIds.Distinct().ToList();
        var known = await db.Customers.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var unknown = ids.Except(known).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationException(nameof(request.CustomerIds), $"Unknown customers: {string.Join(", ", unknown)}.");
        }

        var key = ApiKeySecret.Generate();
        var apiKey = ApiKey.Create(request.Name, ApiKeySecret.PrefixOf(key), ApiKeySecret.Hash(key), ids);
        db.ApiKeys.Add(apiKey);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new CreatedApiKeyDto(key, mapper.Map<ApiKeyDto>(apiKey));
    }
}
