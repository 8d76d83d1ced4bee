namespace WorkOrders.Application.ApiKeys.Commands.RevokeApiKey;

/// <summary>Revokes a partner key at once; requests with it answer 401 from then on.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record RevokeApiKeyCommand(Guid Id) : ICommand<Unit>;

public sealed class RevokeApiKeyCommandHandler(IApplicationDbContext db, TimeProvider clock)
    : IRequestHandler<RevokeApiKeyCommand, Unit>
{
    public async Task<Unit> Handle(RevokeApiKeyCommand request, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FindAsync([request.Id], cancellationToken).ConfigureAwait(false)
            ?? throw NotFoundException.For("API key", request.Id);
        key.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Unit.Value;
    }
}
