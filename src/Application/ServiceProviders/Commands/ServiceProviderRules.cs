using WorkOrders.Domain.ServiceProviders;

namespace WorkOrders.Application.ServiceProviders.Commands;

/// <summary>The details of a service provider, shared by create and update.</summary>
public interface IServiceProviderBody
{
    string Name { get; }
    string Email { get; }
    string? Phone { get; }
    ServiceProviderKind Kind { get; }
    string? UserId { get; }
}

public static class ServiceProviderRules
{
    public static void AddServiceProviderRules<T>(this AbstractValidator<T> validator)
        where T : IServiceProviderBody
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        validator.RuleFor(c => c.Email).NotEmpty().ValidEmail();
        validator.RuleFor(c => c.Phone).MaximumLength(50);
        validator.RuleFor(c => c.Kind).IsInEnum();
        validator.RuleFor(c => c.UserId).MaximumLength(128);
    }
}
