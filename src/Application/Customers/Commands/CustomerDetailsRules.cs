using WorkOrders.Domain.Customers;

namespace WorkOrders.Application.Customers.Commands;

/// <summary>The editable details of a customer, shared by create and update.</summary>
public interface ICustomerDetailsBody
{
    string Name { get; }
    string? Description { get; }
    AddressDto? BillingAddress { get; }
    ContactDto Contact { get; }
}

public static class CustomerDetailsRules
{
    public static void AddCustomerDetailsRules<T>(this AbstractValidator<T> validator)
        where T : ICustomerDetailsBody
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(c => c.Name).NotEmpty().MaximumLength(Customer.NameMaxLength);
        validator.RuleFor(c => c.Description).MaximumLength(Customer.DescriptionMaxLength);
        validator.RuleFor(c => c.BillingAddress!).SetValidator(new AddressDtoValidator()).When(c => c.BillingAddress is not null);
        validator.RuleFor(c => c.Contact).NotNull().SetValidator(new ContactDtoValidator());
    }
}
