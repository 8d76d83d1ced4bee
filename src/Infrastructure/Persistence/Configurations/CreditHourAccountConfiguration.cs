using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkOrders.Domain.Billing;
using WorkOrders.Domain.Customers;

namespace WorkOrders.Infrastructure.Persistence.Configurations;

internal sealed class CreditHourAccountConfiguration : IEntityTypeConfiguration<CreditHourAccount>
{
    public void Configure(EntityTypeBuilder<CreditHourAccount> builder)
    {
        builder.ToTable("CreditHourAccounts");
        builder.ConfigureAuditable();
        builder.Ignore(a => a.CustomerId);
        builder.Ignore(a => a.IsNegative);
        builder.Property(a => a.Balance).HasPrecision(12, 2);

        // One bank per customer: its key is the customer's id.
        builder.HasOne<Customer>().WithOne().HasForeignKey<CreditHourAccount>(a => a.Id).OnDelete(DeleteBehavior.Restrict);
    }
}
