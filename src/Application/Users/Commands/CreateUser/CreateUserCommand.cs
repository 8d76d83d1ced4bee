namespace WorkOrders.Application.Users.Commands.CreateUser;

/// <summary>Creates a staff user with roles. The password must satisfy the password policy.</summary>
[Authorize(Roles = Common.Security.Roles.Admin)]
public sealed record CreateUserCommand : ICommand<UserSummary>
{
    public string Email { get; init; } = string.Empty;
    public string? DisplayName { get; init; }
    public string Password { get; init; } = string.Empty;
    public IReadOnlyList<string> Roles { get; init; } = [];
}

public sealed class CreateUserCommandValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserCommandValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(256).ValidEmail();
        RuleFor(c => c.DisplayName).MaximumLength(200);
        RuleFor(c => c.Password).NotEmpty().MinimumLength(12).MaximumLength(128);
        RuleFor(c => c.Roles).NotEmpty();
        RuleForEach(c => c.Roles).Must(r => Common.Security.Roles.StaffRoles.Contains(r))
            .WithMessage(r => $"'Roles' must be among: {string.Join(", ", Common.Security.Roles.StaffRoles)}.");
    }
}

public sealed class CreateUserCommandHandler(IIdentityService identity) : IRequestHandler<CreateUserCommand, UserSummary>
{
    public async Task<UserSummary> Handle(CreateUserCommand request, CancellationToken cancellationToken)
    {
        var (succeeded, userId, errors) = await identity
            .CreateUserAsync(request.Email.Trim(), request.DisplayName?.Trim(), request.Password, request.Roles.Distinct().ToList(), cancellationToken)
            .ConfigureAwait(false);
        if (!succeeded)
        {
            throw new ValidationException(errors.SelectMany(e => e.Value.Select(m => new FluentValidation.Results.ValidationFailure(e.Key, m))));
        }

        return await identity.GetUserAsync(userId!, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The created user could not be read back.");
    }
}
