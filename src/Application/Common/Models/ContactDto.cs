using WorkOrders.Domain.Common;

namespace WorkOrders.Application.Common.Models;

public sealed record ContactDto(string Name, string Email, string? Phone)
{
    public Contact ToDomain() => new(Name.Trim(), Email.Trim(), string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim());

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<Contact, ContactDto>();
    }
}

public sealed class ContactDtoValidator : AbstractValidator<ContactDto>
{
    public ContactDtoValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Email).NotEmpty().ValidEmail();
        RuleFor(c => c.Phone).MaximumLength(50).Matches(@"^[0-9+()\-.\s/x]*$").WithMessage("'Phone' may contain digits, spaces and + ( ) - . / x only.");
    }
}
