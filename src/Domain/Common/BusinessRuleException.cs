namespace WorkOrders.Domain.Common;

public sealed class BusinessRuleException : Exception
{
    public BusinessRuleException(IBusinessRule brokenRule)
        : base(brokenRule?.Message)
    {
        ArgumentNullException.ThrowIfNull(brokenRule);
        BrokenRule = brokenRule;
        Rule = brokenRule.GetType().Name;
    }

    public BusinessRuleException()
    {
        Rule = string.Empty;
    }

    public BusinessRuleException(string message)
        : base(message)
    {
        Rule = string.Empty;
    }

    public BusinessRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Rule = string.Empty;
    }

    public IBusinessRule? BrokenRule { get; }

    /// <summary>The rule's name, e.g. <c>CustomerMustBeActive</c>; exposed to clients as a code.</summary>
    public string Rule { get; }
}
