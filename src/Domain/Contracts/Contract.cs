using WorkOrders.Domain.Common;
using WorkOrders.Domain.Customers;

namespace WorkOrders.Domain.Contracts;

/// <summary>A service agreement with a customer, valid from a start date to an optional end date.</summary>
public sealed class Contract : AuditableEntity
{
    private Contract()
    {
        Number = string.Empty;
        Name = string.Empty;
    }

    public Guid CustomerId { get; private set; }
    public string Number { get; private set; }
    public string Name { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public ContractStatus Status { get; private set; }
    public DateTime? CancelledAt { get; private set; }
    public string? CancellationReason { get; private set; }

    public static Contract Create(Customer customer, string number, string name, DateOnly startDate, DateOnly? endDate)
    {
        ArgumentNullException.ThrowIfNull(customer);
        customer.EnsureAcceptsNewWork("contracts");
        CheckRule(new ContractEndMustNotPrecedeStart(startDate, endDate));
        return new Contract
        {
            CustomerId = customer.Id,
            Number = Guard.Required(number, nameof(Number), 50),
            Name = Guard.Required(name, nameof(Name), 200),
            StartDate = startDate,
            EndDate = endDate,
            Status = ContractStatus.Active,
        };
    }

    public void Cancel(string? reason, DateTime at)
    {
        CheckRule(new ContractMustBeActive(Status, "cancel"));
        Status = ContractStatus.Cancelled;
        CancelledAt = at;
        CancellationReason = string.IsNullOrWhiteSpace(reason) ? "Contract cancelled" : reason.Trim();
    }

    /// <summary>Marks an active contract whose end date has passed as expired.</summary>
    public void Expire(DateOnly today)
    {
        CheckRule(new ContractMustBeActive(Status, "expire"));
        if (EndDate is null || EndDate >= today)
        {
            throw new BusinessRuleException(new ContractEndMustHavePassed(EndDate, today));
        }

        Status = ContractStatus.Expired;
    }
}

public sealed class ContractMustBeActive(ContractStatus actual, string action) : IBusinessRule
{
    public bool IsBroken() => actual != ContractStatus.Active;

    public string Message => $"Cannot {action} a contract that is {actual}; it must be Active.";
}

public sealed class ContractEndMustNotPrecedeStart(DateOnly start, DateOnly? end) : IBusinessRule
{
    public bool IsBroken() => end is { } e && e < start;

    public string Message => $"The contract end date {end:yyyy-MM-dd} is before its start date {start:yyyy-MM-dd}.";
}

public sealed class ContractEndMustHavePassed(DateOnly? end, DateOnly today) : IBusinessRule
{
    public bool IsBroken() => end is null || end >= today;

    public string Message => $"The contract runs until {end:yyyy-MM-dd}; it cannot expire on {today:yyyy-MM-dd}.";
}
