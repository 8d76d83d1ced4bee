using FluentValidation.TestHelper;
using WorkOrders.Application.Common.Models;
using WorkOrders.Application.Customers.Commands.CreateCustomer;
using WorkOrders.Domain.Customers;

namespace WorkOrders.Application.UnitTests.Customers;

public sealed class CreateCustomerCommandValidatorTests
{
    private readonly CreateCustomerCommandValidator _validator = new();

    private static CreateCustomerCommand Valid() => new()
    {
        Name = "Northwind Water",
        Description = "Water utility",
        BillingAddress = new AddressDto("1 Main Street", "Springfield", "IL", "62701", "US"),
        Contact = new ContactDto("Ada Lovelace", "ada@example.com", "+1 (555) 010-2030 x12"),
    };

    [Fact]
    public void ValidCommand_HasNoErrors()
    {
        _validator.TestValidate(Valid()).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void WithoutAddressOrPhone_IsValid()
    {
        _validator.TestValidate(Valid() with { BillingAddress = null, Contact = new ContactDto("Ada", "ada@example.com", null) })
            .ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void EmptyName_IsAnErrorOnName(string name)
    {
        var result = _validator.TestValidate(Valid() with { Name = name });

        result.ShouldHaveValidationErrorFor(c => c.Name);
        result.Errors.ShouldHaveSingleItem();
    }

    [Fact]
    public void TooLongName_IsAnErrorOnName()
    {
        _validator.TestValidate(Valid() with { Name = new string('n', Customer.NameMaxLength + 1) })
            .ShouldHaveValidationErrorFor(c => c.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-at-sign.example.com")]
    [InlineData("ada@localhost")]
    [InlineData("ada lovelace@example.com")]
    [InlineData("ada@@example.com")]
    [InlineData("@example.com")]
    public void BadEmail_IsAnErrorOnContactEmail(string email)
    {
        var result = _validator.TestValidate(Valid() with { Contact = new ContactDto("Ada", email, null) });

        result.ShouldHaveValidationErrorFor("Contact.Email");
        result.Errors.ShouldAllBe(e => e.PropertyName == "Contact.Email");
    }

    [Fact]
    public void TooLongPhone_IsAnErrorOnContactPhone()
    {
        var result = _validator.TestValidate(Valid() with { Contact = new ContactDto("Ada", "ada@example.com", new string('5', 51)) });

        result.ShouldHaveValidationErrorFor("Contact.Phone");
        result.Errors.ShouldAllBe(e => e.PropertyName == "Contact.Phone");
    }

    [Fact]
    public void PhoneWithLetters_IsAnErrorOnContactPhone()
    {
        _validator.TestValidate(Valid() with { Contact = new ContactDto("Ada", "ada@example.com", "call me maybe") })
            .ShouldHaveValidationErrorFor("Contact.Phone");
    }

    [Fact]
    public void MissingContact_IsAnErrorOnContact()
    {
        _validator.TestValidate(Valid() with { Contact = null! }).ShouldHaveValidationErrorFor(c => c.Contact);
    }

    [Fact]
    public void TooLongBillingCity_IsAnErrorOnBillingAddressCity()
    {
        _validator.TestValidate(Valid() with { BillingAddress = new AddressDto(null, new string('c', 101), null, null, null) })
            .ShouldHaveValidationErrorFor("BillingAddress.City");
    }
}
