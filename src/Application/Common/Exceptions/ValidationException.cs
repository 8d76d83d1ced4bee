using FluentValidation.Results;

namespace WorkOrders.Application.Common.Exceptions;

/// <summary>Bad input: one or more fields are invalid (400 with an errors map by field).</summary>
public sealed class ValidationException : Exception
{
    public ValidationException()
        : base("One or more validation failures have occurred.")
    {
        Errors = new Dictionary<string, string[]>();
    }

    public ValidationException(string message)
        : base(message)
    {
        Errors = new Dictionary<string, string[]>();
    }

    public ValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new Dictionary<string, string[]>();
    }

    public ValidationException(IEnumerable<ValidationFailure> failures)
        : this()
    {
        Errors = failures
            .GroupBy(e => e.PropertyName, e => e.ErrorMessage)
            .ToDictionary(g => g.Key, g => g.Distinct().ToArray());
    }

    public ValidationException(string property, string error)
        : this()
    {
        Errors = new Dictionary<string, string[]> { [property] = [error] };
    }

    public IDictionary<string, string[]> Errors { get; }
}
