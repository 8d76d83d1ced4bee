namespace WorkOrders.Domain.Common;

/// <summary>An invariant the model guards; a broken rule is a 409 Conflict for the caller.</summary>
public interface IBusinessRule
{
    bool IsBroken();

    string Message { get; }
}
