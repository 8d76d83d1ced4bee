using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkOrders.Domain.Common;

namespace WorkOrders.Infrastructure.Persistence.Configurations;

internal static class ModelBuilderExtensions
{
    /// <summary>Audit columns and the concurrency token (the same behaviour on PostgreSQL and SQLite).</summary>
    public static void ConfigureAuditable<T>(this EntityTypeBuilder<T> builder)
        where T : AuditableEntity
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.CreatedBy).HasMaxLength(128);
        builder.Property(e => e.UpdatedBy).HasMaxLength(128);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.DomainEvents);
    }

    public static void OwnsAddress<T>(this EntityTypeBuilder<T> builder, System.Linq.Expressions.Expression<Func<T, Address?>> navigation, string prefix)
        where T : class
    {
        builder.OwnsOne(navigation!, a =>
        {
            a.Property(x => x.Street).HasColumnName($"{prefix}Street").HasMaxLength(200);
            a.Property(x => x.City).HasColumnName($"{prefix}City").HasMaxLength(100);
            a.Property(x => x.Region).HasColumnName($"{prefix}Region").HasMaxLength(100);
            a.Property(x => x.PostalCode).HasColumnName($"{prefix}PostalCode").HasMaxLength(20);
            a.Property(x => x.Country).HasColumnName($"{prefix}Country").HasMaxLength(100);
            a.Ignore(x => x.IsEmpty);
        });
        builder.Navigation(navigation!).IsRequired();
    }

    public static void OwnsContact<T>(this EntityTypeBuilder<T> builder, System.Linq.Expressions.Expression<Func<T, Contact?>> navigation)
        where T : class
    {
        builder.OwnsOne(navigation!, c =>
        {
            c.Property(x => x.Name).HasColumnName("ContactName").HasMaxLength(200).IsRequired();
            c.Property(x => x.Email).HasColumnName("ContactEmail").HasMaxLength(320).IsRequired();
            c.Property(x => x.Phone).HasColumnName("ContactPhone").HasMaxLength(50);
        });
        builder.Navigation(navigation!).IsRequired();
    }
}
