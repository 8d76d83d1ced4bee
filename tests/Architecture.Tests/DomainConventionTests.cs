using System.Reflection;
using WorkOrders.Domain.Common;

namespace WorkOrders.Architecture.Tests;

/// <summary>The model guards itself: nobody outside an entity changes its state except through its methods.</summary>
public sealed class DomainConventionTests
{
    /// <summary>Filled by the persistence layer (audit interceptor), hence public.</summary>
    private static readonly string[] AuditFields =
    [
        nameof(AuditableEntity.CreatedAt), nameof(AuditableEntity.CreatedBy), nameof(AuditableEntity.UpdatedAt),
        nameof(AuditableEntity.UpdatedBy), nameof(AuditableEntity.Version),
    ];

    private static readonly List<Type> Entities = Layers.Domain.GetTypes()
        .Where(t => t.IsClass && typeof(Entity).IsAssignableFrom(t))
        .ToList();

    [Fact]
    public void DomainHasEntities()
    {
        Entities.ShouldContain(typeof(Domain.Customers.Customer));
        Entities.ShouldContain(typeof(Domain.Partners.ApiKey));
    }

    [Fact]
    public void EntityProperties_HaveNoPublicSetter_ExceptAuditFields()
    {
        var settable = Entities
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is { IsPublic: true })
                .Where(p => !(p.DeclaringType == typeof(AuditableEntity) && AuditFields.Contains(p.Name)))
                .Select(p => $"{t.Name}.{p.Name}"))
            .Distinct()
            .ToList();

        settable.ShouldBeEmpty($"Public setters on entities: {string.Join(", ", settable)}");
    }

    [Fact]
    public void AuditFields_ArePublic_ForThePersistenceLayer()
    {
        // The exception above is deliberate and narrow: exactly these five, declared on AuditableEntity.
        typeof(AuditableEntity).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => p.Name)
            .ShouldBe(AuditFields, ignoreOrder: true);
    }

    [Fact]
    public void EntityFields_AreNotPublic()
    {
        var fields = Entities
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Instance).Select(f => $"{t.Name}.{f.Name}"))
            .ToList();

        fields.ShouldBeEmpty($"Public instance fields on entities: {string.Join(", ", fields)}");
    }
}
