using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkOrders.Domain.Customers;

namespace WorkOrders.Infrastructure.Persistence.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ConfigureAuditable();
        builder.Property(c => c.Name).HasMaxLength(Customer.NameMaxLength).IsRequired();
        builder.Property(c => c.NormalizedName).HasMaxLength(Customer.NameMaxLength).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(Customer.DescriptionMaxLength);
        builder.Property(c => c.Status).HasMaxLength(20);
        builder.Property(c => c.DeactivationReason).HasMaxLength(500);
        builder.OwnsAddress(c => c.BillingAddress, "Billing");
        builder.OwnsContact(c => c.Contact);
        builder.Ignore(c => c.IsActive);

        // The grid's order and keyset (name, id), and the status filter in front of it.
        builder.HasIndex(c => new { c.NormalizedName, c.Id });
        builder.HasIndex(c => new { c.Status, c.NormalizedName, c.Id });
    }
}
