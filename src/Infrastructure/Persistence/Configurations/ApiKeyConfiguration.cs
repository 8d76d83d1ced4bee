using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkOrders.Domain.Partners;

namespace WorkOrders.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ConfigureAuditable();
        builder.Property(k => k.Name).HasMaxLength(200).IsRequired();
        builder.Property(k => k.Prefix).HasMaxLength(16).IsRequired();
        builder.Property(k => k.KeyHash).HasMaxLength(128).IsRequired();
        builder.HasIndex(k => k.KeyHash).IsUnique();
        // The scope: a primitive collection (JSON on both providers), read with the key.
        builder.PrimitiveCollection(k => k.CustomerIds).HasField("_customerIds").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(k => k.IsRevoked);
    }
}
