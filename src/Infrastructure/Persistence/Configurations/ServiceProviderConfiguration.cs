using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkOrders.Domain.ServiceProviders;
using WorkOrders.Infrastructure.Persistence.Idempotency;

namespace WorkOrders.Infrastructure.Persistence.Configurations;

internal sealed class ServiceProviderConfiguration : IEntityTypeConfiguration<ServiceProvider>
{
    public void Configure(EntityTypeBuilder<ServiceProvider> builder)
    {
        builder.ConfigureAuditable();
        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Email).HasMaxLength(320).IsRequired();
        builder.Property(p => p.Phone).HasMaxLength(50);
        builder.Property(p => p.Kind).HasMaxLength(30);
        builder.Property(p => p.UserId).HasMaxLength(128);
        builder.Ignore(p => p.IsThirdParty);
        builder.HasIndex(p => p.UserId);
        builder.HasIndex(p => new { p.IsActive, p.Id });
    }
}

internal sealed class ServiceProviderTeamConfiguration : IEntityTypeConfiguration<ServiceProviderTeam>
{
    public void Configure(EntityTypeBuilder<ServiceProviderTeam> builder)
    {
        builder.ToTable("ServiceProviderTeams");
        builder.ConfigureAuditable();
        builder.Property(t => t.Name).HasMaxLength(200).IsRequired();
        builder.PrimitiveCollection(t => t.MemberIds).HasField("_memberIds").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Scope).HasMaxLength(128).IsRequired();
        builder.Property(r => r.Key).HasMaxLength(100).IsRequired();
        builder.Property(r => r.RequestHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(r => new { r.Scope, r.Key }).IsUnique().HasDatabaseName("IX_IdempotencyRecords_Scope_Key");
        builder.HasIndex(r => r.CreatedAt);
    }
}

internal sealed class CounterConfiguration : IEntityTypeConfiguration<Counter>
{
    public void Configure(EntityTypeBuilder<Counter> builder)
    {
        builder.ToTable("Counters");
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(50);
        builder.HasData(new Counter { Name = Counter.WorkOrderNumbers, Value = 0 });
    }
}
