using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkOrders.Domain.Billing;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Infrastructure.Persistence.Configurations;

internal sealed class TimeEntryConfiguration : IEntityTypeConfiguration<TimeEntry>
{
    public void Configure(EntityTypeBuilder<TimeEntry> builder)
    {
        builder.ToTable("TimeEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Ignore(e => e.DomainEvents);
        builder.Ignore(e => e.IsRunning);
        builder.Property(e => e.UserId).HasMaxLength(128).IsRequired();
        builder.Property(e => e.UserName).HasMaxLength(320).IsRequired();
        builder.Property(e => e.Hours).HasPrecision(9, 2);
        builder.Property(e => e.Source).HasMaxLength(20);
        builder.Property(e => e.Note).HasMaxLength(TimeEntry.NoteMaxLength);
        builder.Property(e => e.RecordedBy).HasMaxLength(128);
        builder.Property(e => e.RecordedByName).HasMaxLength(320).IsRequired();

        // Part of the work order aggregate (WorkOrder.TimeEntries, over its _timeEntries field).
        builder.HasOne<WorkOrder>().WithMany(w => w.TimeEntries).HasForeignKey(e => e.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.WorkOrderId, e.StartedAt });

        // One running timer per user per work order, kept by the database too (the filter reads the same on both providers).
        builder.HasIndex(e => new { e.WorkOrderId, e.UserId }).IsUnique().HasFilter("\"EndedAt\" IS NULL").HasDatabaseName("IX_TimeEntries_RunningTimer");
    }
}
