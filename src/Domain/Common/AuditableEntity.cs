namespace WorkOrders.Domain.Common;

/// <summary>An entity whose creation and last change are recorded, with a version that is the
/// optimistic-concurrency token (and the HTTP ETag). The persistence layer fills these.</summary>
public abstract class AuditableEntity : Entity
{
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>Incremented on every saved change; compared on update (If-Match).</summary>
    public int Version { get; set; }
}
