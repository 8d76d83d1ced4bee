using WorkOrders.Domain.Common;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Domain.Portal;

/// <summary>What a portal link shows: one view of one work order.</summary>
public enum PortalView
{
    /// <summary>Approve / reject / clear line items; no prices.</summary>
    WorkAuthorization,

    /// <summary>Line items with prices; decisions and the formal authorization by signature; PDF.</summary>
    Estimate,

    /// <summary>Estimated labour hours of approved items vs worked hours; credit-hour burn-down.</summary>
    ProgressReport,

    /// <summary>Billed hours (with the 1-hour minimum), parts; PDF.</summary>
    Invoice,
}

public enum PortalLinkState
{
    Active,
    Expired,
    Revoked,
}

/// <summary>A customer's way into the portal for one work order and one view. Only the SHA-256 of its token is
/// stored; it expires (48 hours by default), can be revoked, and its uses are logged (<see cref="PortalAccess"/>).</summary>
public sealed class PortalLink : Entity
{
    public const int MessageMaxLength = 2000;
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(48);
    public static readonly TimeSpan MinLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);

    private PortalLink()
    {
        TokenHash = string.Empty;
        CreatedByName = string.Empty;
    }

    public Guid WorkOrderId { get; private set; }
    public PortalView View { get; private set; }
    public string TokenHash { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public string? CreatedBy { get; private set; }
    public string CreatedByName { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }
    public DateTime? LastUsedAt { get; private set; }

    /// <summary>Whom the invitation was e-mailed to (null: the URL was only copied).</summary>
    public string? EmailedTo { get; private set; }

    public string? Message { get; private set; }

    public static PortalLink Create(Guid workOrderId, PortalView view, string tokenHash, TimeSpan? lifetime, string? emailedTo, string? message, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var life = lifetime ?? DefaultLifetime;
        CheckRule(new PortalLinkLifetimeMustBeSane(life));
        return new PortalLink
        {
            WorkOrderId = workOrderId,
            View = view,
            TokenHash = Guard.Required(tokenHash, nameof(TokenHash), 64),
            CreatedAt = actor.At,
            CreatedBy = actor.UserId,
            CreatedByName = actor.Name,
            ExpiresAt = actor.At + life,
            EmailedTo = Guard.Optional(emailedTo, "Recipient", 320),
            Message = Guard.Optional(message, nameof(Message), MessageMaxLength),
        };
    }

    public PortalLinkState StateAt(DateTime now) =>
        RevokedAt is not null ? PortalLinkState.Revoked : now >= ExpiresAt ? PortalLinkState.Expired : PortalLinkState.Active;

    /// <summary>True when the link is active at <paramref name="now"/> and shows one of <paramref name="views"/>.</summary>
    public bool Grants(IReadOnlyCollection<PortalView> views, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(views);
        return StateAt(now) == PortalLinkState.Active && views.Contains(View);
    }

    public void Revoke(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        CheckRule(new PortalLinkMustNotBeRevoked(this));
        RevokedAt = actor.At;
        RevokedBy = actor.Name;
    }

    public PortalAccess RecordUse(DateTime at, string? address, string? userAgent, string action)
    {
        LastUsedAt = at;
        return new PortalAccess(Id, at, address, userAgent, action);
    }
}

/// <summary>One use of a portal link: when, from where (address, user agent), what.</summary>
public sealed class PortalAccess : Entity
{
    public const int UserAgentMaxLength = 500;

    private PortalAccess()
    {
        Action = string.Empty;
    }

    internal PortalAccess(Guid linkId, DateTime at, string? address, string? userAgent, string action)
    {
        LinkId = linkId;
        At = at;
        Address = Cut(address, 64);
        UserAgent = Cut(userAgent, UserAgentMaxLength);
        Action = Cut(action, 100) ?? "?";
    }

    public Guid LinkId { get; private set; }
    public DateTime At { get; private set; }
    public string? Address { get; private set; }
    public string? UserAgent { get; private set; }
    public string Action { get; private set; }

    private static string? Cut(string? value, int max) =>
        string.IsNullOrEmpty(value) ? null : value.Length > max ? value[..max] : value;
}

public sealed class PortalLinkLifetimeMustBeSane(TimeSpan lifetime) : IBusinessRule
{
    public bool IsBroken() => lifetime < PortalLink.MinLifetime || lifetime > PortalLink.MaxLifetime;

    public string Message => "A portal link lives between 1 hour and 30 days.";
}

public sealed class PortalLinkMustNotBeRevoked(PortalLink link) : IBusinessRule
{
    public bool IsBroken() => link.RevokedAt is not null;

    public string Message => "The portal link is already revoked.";
}
