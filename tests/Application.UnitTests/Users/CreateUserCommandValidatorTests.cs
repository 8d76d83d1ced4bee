using FluentValidation.TestHelper;
using WorkOrders.Application.Common.Security;
using WorkOrders.Application.Users.Commands.CreateUser;

namespace WorkOrders.Application.UnitTests.Users;

public sealed class CreateUserCommandValidatorTests
{
    private readonly CreateUserCommandValidator _validator = new();

    private static CreateUserCommand Valid() => new()
    {
        Email = "dispatch@example.com",
        DisplayName = "Dispatch Desk",
        Password = "Correct-Horse-9",
        Roles = [Roles.Dispatcher, Roles.Technician],
    };

    [Fact]
    public void ValidCommand_HasNoErrors()
    {
        _validator.TestValidate(Valid()).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void EveryStaffRole_IsAccepted()
    {
        _validator.TestValidate(Valid() with { Roles = [.. Roles.StaffRoles] }).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("SuperUser")]
    [InlineData("admin")]
    [InlineData(Roles.Partner)]
    [InlineData("")]
    public void UnknownRole_IsRefused(string role)
    {
        var result = _validator.TestValidate(Valid() with { Roles = [Roles.Dispatcher, role] });

        var error = result.Errors.ShouldHaveSingleItem();
        error.PropertyName.ShouldBe("Roles[1]");
        error.ErrorMessage.ShouldStartWith("'Roles' must be among: Admin, Dispatcher");
    }

    [Fact]
    public void NoRole_IsRefused()
    {
        _validator.TestValidate(Valid() with { Roles = [] }).ShouldHaveValidationErrorFor(c => c.Roles);
    }

    [Fact]
    public void ShortPassword_IsRefused()
    {
        _validator.TestValidate(Valid() with { Password = "Short-1" }).ShouldHaveValidationErrorFor(c => c.Password);
    }

    [Fact]
    public void BadEmail_IsRefused()
    {
        _validator.TestValidate(Valid() with { Email = "dispatch" }).ShouldHaveValidationErrorFor(c => c.Email);
    }
}
