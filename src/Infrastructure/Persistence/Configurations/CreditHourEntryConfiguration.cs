using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkOrders.Domain.Billing;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Infrastructure.Persistence.Configurations;

internal sealed class CreditHourEntryConfiguration : IEntityTypeConfiguration<CreditHourEntry>
{
    public void Configure(EntityTypeBuilder<CreditHourEntry> builder)
    {
        builder.ToTable("CreditHourEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Ignore(e => e.DomainEvents);
        builder.Property(e => e.Kind).HasMaxLength(20);
        builder.Property(e => e.Hours).HasPrecision(12, 2);
        builder.Property(e => e.BalanceAfter).HasPrecision(12, 2);
        builder.Property(e => e.WorkOrderNumber).HasMaxLength(30);
        builder.Property(e => e.Note).HasMaxLength(CreditHourEntry.NoteMaxLength);
        builder.Property(e => e.Reference).HasMaxLength(CreditHourEntry.ReferenceMaxLength);
        builder.Property(e => e.CreatedBy).HasMaxLength(128);
        builder.Property(e => e.CreatedByName).HasMaxLength(320).IsRequired();

        builder.HasOne<CreditHourAccount>().WithMany().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WorkOrder>().WithMany().HasForeignKey(e => e.WorkOrderId).OnDelete(DeleteBehavior.Restrict);

        // The ledger in order (keyset pages, newest first); a sequence number is never used twice.
        builder.HasIndex(e => new { e.CustomerId, e.Sequence }).IsUnique();
        builder.HasIndex(e => e.WorkOrderId);
    }
}
