using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WorkOrders.Application.Common.Interfaces;
using WorkOrders.Domain.Common;

namespace WorkOrders.Infrastructure.Persistence.Interceptors;

/// <summary>Fills audit fields, bumps the concurrency version and writes an <see cref="AuditEntry"/> for every
/// added, changed or deleted auditable entity — in the same SaveChanges, so in the same transaction.</summary>
public sealed class AuditingInterceptor(IUser user, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Audit(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Audit(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void Audit(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var userId = user.Id;
        var entries = new List<AuditEntry>();

        foreach (var entry in context.ChangeTracker.Entries<AuditableEntity>().ToList())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    entry.Entity.CreatedAt = now;
                    entry.Entity.CreatedBy = userId;
                    entry.Entity.Version = 1;
                    entries.Add(new AuditEntry(now, userId, entry.Metadata.ClrType.Name, entry.Entity.Id, "Created", Describe(entry, added: true)));
                    break;
                case EntityState.Modified:
                case EntityState.Unchanged when HasChangedOwnedEntities(entry):
                    var changes = Describe(entry, added: false);
                    entry.Entity.UpdatedAt = now;
                    entry.Entity.UpdatedBy = userId;
                    entry.Entity.Version++;
                    entries.Add(new AuditEntry(now, userId, entry.Metadata.ClrType.Name, entry.Entity.Id, "Updated", changes));
                    break;
                case EntityState.Deleted:
                    entries.Add(new AuditEntry(now, userId, entry.Metadata.ClrType.Name, entry.Entity.Id, "Deleted", null));
                    break;
            }
        }

        if (entries.Count > 0)
        {
            context.Set<AuditEntry>().AddRange(entries);
        }
    }

    private static bool HasChangedOwnedEntities(EntityEntry entry) =>
        entry.References.Any(r => r.TargetEntry is { } target && target.Metadata.IsOwned()
            && target.State is EntityState.Added or EntityState.Modified);

    /// <summary>The changed values as JSON: { property: value } for a new entity, { property: [old, new] } for a change.</summary>
    private static string? Describe(EntityEntry entry, bool added)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        Collect(entry, string.Empty, added, values);
        foreach (var reference in entry.References)
        {
            if (reference.TargetEntry is { } owned && owned.Metadata.IsOwned())
            {
                Collect(owned, reference.Metadata.Name + ".", added || owned.State == EntityState.Added, values, entry.State == EntityState.Added ? null : reference);
            }
        }

        return values.Count == 0 ? null : JsonSerializer.Serialize(values, Json);
    }

    private static void Collect(EntityEntry entry, string prefix, bool added, SortedDictionary<string, object?> values, ReferenceEntry? ownerReference = null)
    {
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.IsPrimaryKey() || property.Metadata.IsShadowProperty() || IsAuditField(property.Metadata.Name))
            {
                continue;
            }

            if (added && ownerReference is null)
            {
                values[prefix + property.Metadata.Name] = property.CurrentValue;
            }
            else if (property.IsModified || (added && ownerReference is not null))
            {
                values[prefix + property.Metadata.Name] = property.IsModified
                    ? new[] { property.OriginalValue, property.CurrentValue }
                    : new[] { null, property.CurrentValue };
            }
        }
    }

    private static bool IsAuditField(string name) => name is nameof(AuditableEntity.CreatedAt) or nameof(AuditableEntity.CreatedBy)
        or nameof(AuditableEntity.UpdatedAt) or nameof(AuditableEntity.UpdatedBy) or nameof(AuditableEntity.Version);
}
