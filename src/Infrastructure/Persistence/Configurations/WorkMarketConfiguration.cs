using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkOrders.Domain.WorkOrders;
using WorkOrders.Infrastructure.WorkMarket;

namespace WorkOrders.Infrastructure.Persistence.Configurations;

internal sealed class WorkMarketSyncConfiguration : IEntityTypeConfiguration<WorkMarketSync>
{
    public void Configure(EntityTypeBuilder<WorkMarketSync> builder)
    {
        builder.ToTable("WorkMarketSyncs");
        builder.HasKey(s => s.WorkOrderId);
        builder.Property(s => s.WorkOrderId).ValueGeneratedNever();
        builder.Property(s => s.AssignmentId).HasMaxLength(64);
        builder.Property(s => s.Status).HasMaxLength(20);
        builder.Property(s => s.WorkMarketStatus).HasMaxLength(40);
        builder.Property(s => s.LastError).HasMaxLength(WorkMarketSync.ErrorMaxLength);
        builder.HasOne<WorkOrder>().WithOne().HasForeignKey<WorkMarketSync>(s => s.WorkOrderId).OnDelete(DeleteBehavior.Cascade);

        // Webhooks and the reconciliation find the work order by WorkMarket's assignment id.
        builder.HasIndex(s => s.AssignmentId).IsUnique();
    }
}

internal sealed class WorkMarketWebhookReceiptConfiguration : IEntityTypeConfiguration<WorkMarketWebhookReceipt>
{
    public void Configure(EntityTypeBuilder<WorkMarketWebhookReceipt> builder)
    {
        builder.ToTable("WorkMarketWebhookReceipts");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.AssignmentId).HasMaxLength(64).IsRequired();
        builder.Property(r => r.Event).HasMaxLength(100).IsRequired();
        builder.Property(r => r.Status).HasMaxLength(40).IsRequired();

        // The de-duplication: one receipt per (assignment, event, status).
        builder.HasIndex(r => new { r.AssignmentId, r.Event, r.Status }).IsUnique();
    }
}

internal sealed class WorkMarketCursorConfiguration : IEntityTypeConfiguration<WorkMarketCursor>
{
    public void Configure(EntityTypeBuilder<WorkMarketCursor> builder)
    {
        builder.ToTable("WorkMarketCursors");
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(50);
    }
}
