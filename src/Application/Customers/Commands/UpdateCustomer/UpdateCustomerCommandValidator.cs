using WorkOrders.Domain.Customers;

namespace WorkOrders.Application.Customers.Commands.UpdateCustomer;

public sealed class UpdateCustomerCommandValidator : AbstractValidator<UpdateCustomerCommand>
{
    public UpdateCustomerCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Customer.NameMaxLength);
        RuleFor(c => c.Description).MaximumLength(Customer.DescriptionMaxLength);
        RuleFor(c => c.BillingAddress!).SetValidator(new AddressDtoValidator()).When(c => c.BillingAddress is not null);
        RuleFor(c => c.Contact).NotNull().SetValidator(new ContactDtoValidator());
    }
}
