using System.Text.Json.Serialization;
using WorkOrders.Application.Notifications;
using WorkOrders.Application.WorkOrders;
using WorkOrders.Domain.Portal;

namespace WorkOrders.Application.Portal.Links;

/// <summary>A portal link as staff see it: never the token (only its hash is stored).</summary>
public sealed record PortalLinkDto
{
    public Guid Id { get; init; }
    public Guid WorkOrderId { get; init; }
    public PortalView View { get; init; }
    public PortalLinkState State { get; init; }
    public DateTime CreatedAt { get; init; }
    public string CreatedBy { get; init; } = string.Empty;
    public DateTime ExpiresAt { get; init; }
    public DateTime? RevokedAt { get; init; }
    public string? RevokedBy { get; init; }
    public DateTime? LastUsedAt { get; init; }
    public string? EmailedTo { get; init; }
    public string? Message { get; init; }

    public static PortalLinkDto From(PortalLink link, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new PortalLinkDto
        {
            Id = link.Id,
            WorkOrderId = link.WorkOrderId,
            View = link.View,
            State = link.StateAt(now),
            CreatedAt = link.CreatedAt,
            CreatedBy = link.CreatedByName,
            ExpiresAt = link.ExpiresAt,
            RevokedAt = link.RevokedAt,
            RevokedBy = link.RevokedBy,
            LastUsedAt = link.LastUsedAt,
            EmailedTo = link.EmailedTo,
            Message = link.Message,
        };
    }
}

/// <summary>A new link: the token and the URL are shown this once.</summary>
public sealed record CreatedPortalLinkDto(PortalLinkDto Link, string Token, string Url);

public sealed record PortalAccessDto(DateTime At, string? Address, string? UserAgent, string Action);

/// <summary>Creates a portal link for one work order and one view; e-mails it (outbox; CC to the team managers)
/// when <see cref="SendEmail"/>, else only answers the URL to copy. Team managers only (Admin passes everything).</summary>
[Authorize(Roles = Roles.TeamManager)]
public sealed record CreatePortalLinkCommand : ICommand<CreatedPortalLinkDto>
{
    [JsonIgnore]
    public Guid WorkOrderId { get; init; }

    public PortalView View { get; init; }

    /// <summary>E-mail the link (to <see cref="RecipientEmail"/>, or the customer's primary contact).</summary>
    public bool SendEmail { get; init; }

    public string? RecipientEmail { get; init; }

    /// <summary>A message for the e-mail.</summary>
    public string? Message { get; init; }

    /// <summary>Lifetime in hours (1 to 720); 48 when left out.</summary>
    public int? ExpiresInHours { get; init; }
}

public sealed class CreatePortalLinkCommandValidator : AbstractValidator<CreatePortalLinkCommand>
{
    public CreatePortalLinkCommandValidator()
    {
        RuleFor(c => c.View).IsInEnum();
        RuleFor(c => c.RecipientEmail!).ValidEmail().When(c => c.RecipientEmail is not null);
        RuleFor(c => c.Message).MaximumLength(PortalLink.MessageMaxLength);
        RuleFor(c => c.ExpiresInHours).InclusiveBetween((int)PortalLink.MinLifetime.TotalHours, (int)PortalLink.MaxLifetime.TotalHours);
    }
}

/// <summary>The links of a work order, newest first, with their state.</summary>
[Authorize(Roles = Roles.Office)]
public sealed record GetPortalLinksQuery(Guid WorkOrderId) : IRequest<IReadOnlyList<PortalLinkDto>>;

/// <summary>Revokes a link at once: from then on it answers the same 404 as a link that never existed.</summary>
[Authorize(Roles = Roles.TeamManager)]
public sealed record RevokePortalLinkCommand(Guid WorkOrderId, Guid LinkId) : ICommand<PortalLinkDto>;

/// <summary>Who used a link: when, from which address and user agent, what they did (newest first, at most 500).</summary>
[Authorize(Roles = Roles.Office)]
public sealed record GetPortalAccessLogQuery(Guid WorkOrderId, Guid LinkId) : IRequest<IReadOnlyList<PortalAccessDto>>;

public sealed class PortalLinkHandlers(IApplicationDbContext db, IUser user, TimeProvider clock, WorkOrderAccess access, IOutbox outbox, PortalOptions options)
    : IRequestHandler<CreatePortalLinkCommand, CreatedPortalLinkDto>,
      IRequestHandler<GetPortalLinksQuery, IReadOnlyList<PortalLinkDto>>,
      IRequestHandler<RevokePortalLinkCommand, PortalLinkDto>,
      IRequestHandler<GetPortalAccessLogQuery, IReadOnlyList<PortalAccessDto>>
{
    public async Task<CreatedPortalLinkDto> Handle(CreatePortalLinkCommand request, CancellationToken cancellationToken)
    {
        var workOrder = await (await access.VisibleAsync(cancellationToken).ConfigureAwait(false))
            .Where(w => w.Id == request.WorkOrderId).Select(w => new { w.Id, w.CustomerId })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? throw NotFoundException.For("Work order", request.WorkOrderId);
        string? recipient = null;
        if (request.SendEmail)
        {
            recipient = request.RecipientEmail?.Trim();
            if (string.IsNullOrEmpty(recipient))
            {
                recipient = await db.Customers.AsNoTracking().Where(c => c.Id == workOrder.CustomerId).Select(c => c.Contact.Email)
                    .SingleAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var token = PortalToken.Generate();
        var actor = user.AsActor(clock);
        var link = PortalLink.Create(workOrder.Id, request.View, PortalToken.Hash(token),
            request.ExpiresInHours is { } hours ? TimeSpan.FromHours(hours) : null, recipient, request.Message, actor);
        db.PortalLinks.Add(link);
        if (recipient is not null)
        {
            await outbox.EnqueueAsync([PortalInvitationMessages.Invitation(link.Id, token)], cancellationToken).ConfigureAwait(false);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new CreatedPortalLinkDto(PortalLinkDto.From(link, actor.At), token, options.UrlOf(token));
    }

    public async Task<IReadOnlyList<PortalLinkDto>> Handle(GetPortalLinksQuery request, CancellationToken cancellationToken)
    {
        await EnsureVisibleAsync(request.WorkOrderId, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        var links = await db.PortalLinks.AsNoTracking().Where(l => l.WorkOrderId == request.WorkOrderId)
            .OrderByDescending(l => l.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        return links.Select(l => PortalLinkDto.From(l, now)).ToList();
    }

    public async Task<PortalLinkDto> Handle(RevokePortalLinkCommand request, CancellationToken cancellationToken)
    {
        await EnsureVisibleAsync(request.WorkOrderId, cancellationToken).ConfigureAwait(false);
        var link = await db.PortalLinks.SingleOrDefaultAsync(l => l.Id == request.LinkId && l.WorkOrderId == request.WorkOrderId, cancellationToken)
            .ConfigureAwait(false) ?? throw NotFoundException.For("Portal link", request.LinkId);
        var actor = user.AsActor(clock);
        link.Revoke(actor);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return PortalLinkDto.From(link, actor.At);
    }

    public async Task<IReadOnlyList<PortalAccessDto>> Handle(GetPortalAccessLogQuery request, CancellationToken cancellationToken)
    {
        await EnsureVisibleAsync(request.WorkOrderId, cancellationToken).ConfigureAwait(false);
        if (!await db.PortalLinks.AnyAsync(l => l.Id == request.LinkId && l.WorkOrderId == request.WorkOrderId, cancellationToken).ConfigureAwait(false))
        {
            throw NotFoundException.For("Portal link", request.LinkId);
        }

        var rows = await db.PortalAccessLog.AsNoTracking().Where(a => a.LinkId == request.LinkId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(500)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(a => new PortalAccessDto(a.At, a.Address, a.UserAgent, a.Action)).ToList();
    }

    private async Task EnsureVisibleAsync(Guid workOrderId, CancellationToken cancellationToken)
    {
        var visible = await access.VisibleAsync(cancellationToken).ConfigureAwait(false);
        if (!await visible.AnyAsync(w => w.Id == workOrderId, cancellationToken).ConfigureAwait(false))
        {
            throw NotFoundException.For("Work order", workOrderId);
        }
    }
}
