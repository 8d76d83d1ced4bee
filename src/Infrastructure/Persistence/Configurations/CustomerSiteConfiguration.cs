using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkOrders.Domain.Customers;
using WorkOrders.Domain.CustomerSites;

namespace WorkOrders.Infrastructure.Persistence.Configurations;

internal sealed class CustomerSiteConfiguration : IEntityTypeConfiguration<CustomerSite>
{
    public void Configure(EntityTypeBuilder<CustomerSite> builder)
    {
        builder.ToTable("CustomerSites");
        builder.ConfigureAuditable();
        builder.Property(s => s.Name).HasMaxLength(CustomerSite.NameMaxLength).IsRequired();
        builder.Property(s => s.Status).HasMaxLength(20);
        builder.Property(s => s.DeactivationReason).HasMaxLength(500);
        builder.OwnsAddress(s => s.Address, "");
        builder.OwnsContact(s => s.Contact);
        builder.Ignore(s => s.IsActive);
        builder.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.CustomerId, s.Status, s.Id });
    }
}
