using WorkOrders.Domain.Common;

namespace WorkOrders.Application.Common.Models;

public sealed record AddressDto(string? Street, string? City, string? Region, string? PostalCode, string? Country)
{
    public Address ToDomain() => new(Street?.Trim(), City?.Trim(), Region?.Trim(), PostalCode?.Trim(), Country?.Trim());

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<Address, AddressDto>();
    }
}

public sealed class AddressDtoValidator : AbstractValidator<AddressDto>
{
    public AddressDtoValidator()
    {
        RuleFor(a => a.Street).MaximumLength(200);
        RuleFor(a => a.City).MaximumLength(100);
        RuleFor(a => a.Region).MaximumLength(100);
        RuleFor(a => a.PostalCode).MaximumLength(20);
        RuleFor(a => a.Country).MaximumLength(100);
    }
}
