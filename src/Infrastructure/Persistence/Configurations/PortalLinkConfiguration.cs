using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkOrders.Domain.Portal;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Infrastructure.Persistence.Configurations;

internal sealed class PortalLinkConfiguration : IEntityTypeConfiguration<PortalLink>
{
    public void Configure(EntityTypeBuilder<PortalLink> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Ignore(l => l.DomainEvents);
        builder.Property(l => l.View).HasMaxLength(30);
        builder.Property(l => l.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(l => l.CreatedBy).HasMaxLength(128);
        builder.Property(l => l.CreatedByName).HasMaxLength(320).IsRequired();
        builder.Property(l => l.RevokedBy).HasMaxLength(320);
        builder.Property(l => l.EmailedTo).HasMaxLength(320);
        builder.Property(l => l.Message).HasMaxLength(PortalLink.MessageMaxLength);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => new { l.WorkOrderId, l.CreatedAt });
        builder.HasIndex(l => l.ExpiresAt);
        builder.HasOne<WorkOrder>().WithMany().HasForeignKey(l => l.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PortalAccessConfiguration : IEntityTypeConfiguration<PortalAccess>
{
    public void Configure(EntityTypeBuilder<PortalAccess> builder)
    {
        builder.ToTable("PortalAccessLog");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Ignore(a => a.DomainEvents);
        builder.Property(a => a.Address).HasMaxLength(64);
        builder.Property(a => a.UserAgent).HasMaxLength(PortalAccess.UserAgentMaxLength);
        builder.Property(a => a.Action).HasMaxLength(100).IsRequired();
        builder.HasIndex(a => new { a.LinkId, a.At });
        builder.HasOne<PortalLink>().WithMany().HasForeignKey(a => a.LinkId).OnDelete(DeleteBehavior.Cascade);
    }
}
