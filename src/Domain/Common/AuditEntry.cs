namespace WorkOrders.Domain.Common;

/// <summary>One recorded change: who did what to which entity, when, with the changed values.
/// Written by the persistence layer for every saved change, in the same transaction.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        EntityType = string.Empty;
        Action = string.Empty;
    }

    public AuditEntry(DateTime at, string? userId, string entityType, Guid entityId, string action, string? changes)
    {
        Id = Guid.CreateVersion7();
        At = at;
        UserId = userId;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        Changes = changes;
    }

    public Guid Id { get; private set; }
    public DateTime At { get; private set; }
    public string? UserId { get; private set; }
    public string EntityType { get; private set; }
    public Guid EntityId { get; private set; }

    /// <summary>Created, Updated, Deleted, or a domain verb such as Deactivated.</summary>
    public string Action { get; private set; }

    /// <summary>JSON of the changed properties (old → new) or the reason of a domain action.</summary>
    public string? Changes { get; private set; }
}
