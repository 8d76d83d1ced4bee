using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkOrders.Domain.Contracts;
using WorkOrders.Domain.Customers;
using WorkOrders.Domain.CustomerSites;
using WorkOrders.Domain.ServiceProviders;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Infrastructure.Persistence.Configurations;

internal sealed class WorkOrderConfiguration : IEntityTypeConfiguration<WorkOrder>
{
    public void Configure(EntityTypeBuilder<WorkOrder> builder)
    {
        builder.ConfigureAuditable();
        builder.HasIndex(w => w.Number).IsUnique();
        builder.Property(w => w.Title).HasMaxLength(WorkOrder.TitleMaxLength).IsRequired();
        builder.Property(w => w.ServiceRequested).HasMaxLength(WorkOrder.TextMaxLength).IsRequired();
        builder.Property(w => w.Instructions).HasMaxLength(WorkOrder.TextMaxLength);
        builder.Property(w => w.Materials).HasMaxLength(WorkOrder.TextMaxLength);
        builder.Property(w => w.CompletionNotes).HasMaxLength(WorkOrder.TextMaxLength);
        builder.Property(w => w.CancellationReason).HasMaxLength(500);
        builder.Property(w => w.RequesterName).HasMaxLength(200);
        builder.Property(w => w.RequesterEmail).HasMaxLength(320);
        builder.Property(w => w.SearchText).HasMaxLength(9000).IsRequired();
        builder.Property(w => w.PaymentApprovedBy).HasMaxLength(128);
        builder.Property(w => w.DeletedBy).HasMaxLength(128);
        builder.Property(w => w.WorkedHours).HasPrecision(9, 2);
        builder.Property(w => w.BilledHours).HasPrecision(9, 2);
        foreach (var name in new[] { nameof(WorkOrder.Status), nameof(WorkOrder.Source), nameof(WorkOrder.Category), nameof(WorkOrder.Routing), nameof(WorkOrder.InvoiceStatus) })
        {
            builder.Property(name).HasMaxLength(30);
        }

        builder.PrimitiveCollection(w => w.EquipmentIds).HasField("_equipmentIds").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(w => w.IsOpen);
        builder.Ignore(w => w.DisplayNumber);
        builder.Ignore(w => w.ApprovedEstimatedHours);
        builder.Ignore(w => w.CurrentSignature);

        builder.HasOne<Customer>().WithMany().HasForeignKey(w => w.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CustomerSite>().WithMany().HasForeignKey(w => w.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contract>().WithMany().HasForeignKey(w => w.ContractId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceProvider>().WithMany().HasForeignKey(w => w.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceProviderTeam>().WithMany().HasForeignKey(w => w.TeamId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(w => w.LineItems).WithOne().HasForeignKey(i => i.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.Comments).WithOne().HasForeignKey(c => c.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.History).WithOne().HasForeignKey(h => h.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.Tasks).WithOne().HasForeignKey(t => t.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.Decisions).WithOne().HasForeignKey(d => d.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.Signatures).WithOne().HasForeignKey(d => d.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        foreach (var navigation in new[] { nameof(WorkOrder.LineItems), nameof(WorkOrder.Comments), nameof(WorkOrder.History), nameof(WorkOrder.Tasks), nameof(WorkOrder.Decisions), nameof(WorkOrder.Signatures) })
        {
            builder.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        }

        builder.Metadata.FindNavigation(nameof(WorkOrder.History))!.SetField("_history");

        // One index per filter of the list, each ending in Number so the default order (and keyset) come from the index.
        builder.HasIndex(w => new { w.CustomerId, w.Status, w.Number });
        builder.HasIndex(w => new { w.Status, w.Number });
        builder.HasIndex(w => new { w.ProviderId, w.Status, w.Number });
        builder.HasIndex(w => new { w.TeamId, w.Status, w.Number });
        builder.HasIndex(w => new { w.Routing, w.Status, w.Number });
        builder.HasIndex(w => new { w.InvoiceStatus, w.Status, w.Number });
        builder.HasIndex(w => new { w.Source, w.Number });
        builder.HasIndex(w => new { w.Category, w.Number });
        builder.HasIndex(w => new { w.PaymentApprovedAt, w.Number });
        builder.HasIndex(w => w.CreatedAt);
        builder.HasIndex(w => new { w.ScheduledStart, w.Number });
        builder.HasIndex(w => w.SiteId);
        builder.HasIndex(w => w.ContractId);
    }
}

internal sealed class LineItemConfiguration : IEntityTypeConfiguration<LineItem>
{
    public void Configure(EntityTypeBuilder<LineItem> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Ignore(i => i.DomainEvents);
        builder.Ignore(i => i.Total);
        builder.Property(i => i.Description).HasMaxLength(1000).IsRequired();
        builder.Property(i => i.ApprovalStatus).HasMaxLength(20);
        builder.Property(i => i.ApprovalNote).HasMaxLength(2000);
        builder.Property(i => i.PreviousApprovalStatus).HasMaxLength(20);
        builder.Property(i => i.PreviousApprovalNote).HasMaxLength(2000);
        builder.Property(i => i.DecidedPdfSha256).HasMaxLength(64);
        builder.Property(i => i.EstimatedLabourHours).HasPrecision(9, 2);
        builder.Property(i => i.PartsCost).HasPrecision(12, 2);
        builder.Property(i => i.HourlyRate).HasPrecision(9, 2);
        builder.HasIndex(i => new { i.WorkOrderId, i.CreatedAt });
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Ignore(c => c.DomainEvents);
        builder.Property(c => c.AuthorId).HasMaxLength(128);
        builder.Property(c => c.AuthorName).HasMaxLength(320).IsRequired();
        builder.Property(c => c.Text).HasMaxLength(WorkOrder.TextMaxLength).IsRequired();
        builder.Property(c => c.DeletedBy).HasMaxLength(128);
        builder.HasIndex(c => new { c.WorkOrderId, c.CreatedAt });
    }
}

internal sealed class StatusChangeConfiguration : IEntityTypeConfiguration<StatusChange>
{
    public void Configure(EntityTypeBuilder<StatusChange> builder)
    {
        builder.ToTable("StatusHistory");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Ignore(h => h.DomainEvents);
        builder.Property(h => h.From).HasMaxLength(30);
        builder.Property(h => h.To).HasMaxLength(30);
        builder.Property(h => h.Action).HasMaxLength(30).IsRequired();
        builder.Property(h => h.ChangedBy).HasMaxLength(128);
        builder.Property(h => h.ChangedByName).HasMaxLength(320).IsRequired();
        builder.Property(h => h.Reason).HasMaxLength(WorkOrder.TextMaxLength);
        builder.HasIndex(h => new { h.WorkOrderId, h.ChangedAt });
    }
}

internal sealed class WorkOrderTaskConfiguration : IEntityTypeConfiguration<WorkOrderTask>
{
    public void Configure(EntityTypeBuilder<WorkOrderTask> builder)
    {
        builder.ToTable("WorkOrderTasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Ignore(t => t.DomainEvents);
        builder.Property(t => t.Title).HasMaxLength(300).IsRequired();
        builder.Property(t => t.Status).HasMaxLength(20);
        builder.HasIndex(t => new { t.WorkOrderId, t.Status });
    }
}

internal sealed class LineItemDecisionConfiguration : IEntityTypeConfiguration<LineItemDecision>
{
    public void Configure(EntityTypeBuilder<LineItemDecision> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Ignore(d => d.DomainEvents);
        builder.Property(d => d.Decision).HasMaxLength(20);
        builder.Property(d => d.Note).HasMaxLength(2000);
        builder.Property(d => d.EstimatePdfSha256).HasMaxLength(64);
        builder.Property(d => d.DecidedBy).HasMaxLength(320).IsRequired();
        builder.HasIndex(d => new { d.WorkOrderId, d.DecidedAt });
        builder.HasIndex(d => d.LineItemId);
    }
}

internal sealed class EstimateSignatureConfiguration : IEntityTypeConfiguration<EstimateSignature>
{
    public void Configure(EntityTypeBuilder<EstimateSignature> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Ignore(s => s.DomainEvents);
        builder.Property(s => s.SignerName).HasMaxLength(EstimateSignature.SignerNameMaxLength).IsRequired();
        builder.Property(s => s.Image).IsRequired();
        builder.Property(s => s.EstimatePdfSha256).HasMaxLength(64).IsRequired();
        builder.HasIndex(s => new { s.WorkOrderId, s.EstimateVersion }).IsUnique();
    }
}
