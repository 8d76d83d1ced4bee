using FluentValidation;
using WorkOrders.Application.Common.Behaviours;
using WorkOrders.Application.Common.Models;
using WorkOrders.Application.Customers.Commands.CreateCustomer;
using WorkOrders.Application.Customers.Queries.GetCustomer;
using WorkOrders.Application.UnitTests.Fakes;
using ValidationException = WorkOrders.Application.Common.Exceptions.ValidationException;

namespace WorkOrders.Application.UnitTests.Common.Behaviours;

public sealed record SignUpRequest(string Name, string Email, int Age) : MediatR.IRequest<string>;

public sealed class ValidationBehaviourTests
{
    private static InlineValidator<SignUpRequest> NameAndEmailValidator()
    {
        var validator = new InlineValidator<SignUpRequest>();
        validator.RuleFor(r => r.Name).NotEmpty().WithMessage("Name is required.");
        validator.RuleFor(r => r.Email).NotEmpty().WithMessage("Email is required.");
        return validator;
    }

    private static InlineValidator<SignUpRequest> EmailAndAgeValidator()
    {
        var validator = new InlineValidator<SignUpRequest>();
        validator.RuleFor(r => r.Email).Must(e => e.Contains('@', StringComparison.Ordinal)).WithMessage("Email needs an @.");
        validator.RuleFor(r => r.Age).GreaterThanOrEqualTo(18).WithMessage("Age must be at least 18.");
        return validator;
    }

    [Fact]
    public async Task FailuresOfAllValidators_BecomeOneValidationException_KeyedByProperty()
    {
        var behaviour = new ValidationBehaviour<SignUpRequest, string>([NameAndEmailValidator(), EmailAndAgeValidator()]);
        var next = new Next<string>("handled");

        var ex = await Should.ThrowAsync<ValidationException>(() =>
            behaviour.Handle(new SignUpRequest("", "", 12), CancellationToken.None, next.Delegate));

        ex.Errors.Keys.ShouldBe(["Name", "Email", "Age"], ignoreOrder: true);
        ex.Errors["Name"].ShouldBe(["Name is required."]);
        ex.Errors["Email"].ShouldBe(["Email is required.", "Email needs an @."], ignoreOrder: true);
        ex.Errors["Age"].ShouldBe(["Age must be at least 18."]);
        next.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task FailureOfTheSecondValidatorOnly_IsStillReported()
    {
        var behaviour = new ValidationBehaviour<SignUpRequest, string>([NameAndEmailValidator(), EmailAndAgeValidator()]);

        var ex = await Should.ThrowAsync<ValidationException>(() =>
            behaviour.Handle(new SignUpRequest("Ada", "ada.example.com", 30), CancellationToken.None, new Next<string>("handled").Delegate));

        ex.Errors.ShouldHaveSingleItem().Key.ShouldBe("Email");
    }

    [Fact]
    public async Task ValidRequest_ReachesTheHandlerOnce()
    {
        var behaviour = new ValidationBehaviour<SignUpRequest, string>([NameAndEmailValidator(), EmailAndAgeValidator()]);
        var next = new Next<string>("handled");

        var response = await behaviour.Handle(new SignUpRequest("Ada", "ada@example.com", 36), CancellationToken.None, next.Delegate);

        response.ShouldBe("handled");
        next.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task WithoutValidators_ReachesTheHandler()
    {
        var next = new Next<string>("handled");

        await new ValidationBehaviour<SignUpRequest, string>([]).Handle(new SignUpRequest("", "", 0), CancellationToken.None, next.Delegate);

        next.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task RealValidator_NestedFailures_AreKeyedByTheirPath()
    {
        var behaviour = new ValidationBehaviour<CreateCustomerCommand, CustomerDto>([new CreateCustomerCommandValidator()]);
        var command = new CreateCustomerCommand { Name = "", Contact = new ContactDto("Ada", "not-an-email", null) };

        var ex = await Should.ThrowAsync<ValidationException>(() =>
            behaviour.Handle(command, CancellationToken.None, new Next<CustomerDto>(new CustomerDto()).Delegate));

        ex.Errors.Keys.ShouldBe(["Name", "Contact.Email"], ignoreOrder: true);
    }
}
