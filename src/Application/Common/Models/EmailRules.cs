namespace WorkOrders.Application.Common.Models;

public static class EmailRules
{
    /// <summary>One @, something before it, a dotted domain after it, no spaces or control characters.</summary>
    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.MaximumLength(320)
            .Matches(@"^[^@\s\p{C}]+@[^@\s\p{C}]+\.[^@\s\p{C}]+$")
            .WithMessage("'{PropertyName}' is not a valid email address.");
}
