using WorkOrders.Domain.Billing;

namespace WorkOrders.Application.Billing.Commands.AddTimeEntry;

public sealed class AddTimeEntryCommandValidator : AbstractValidator<AddTimeEntryCommand>
{
    /// <summary>Clocks differ a little between the caller and us.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public AddTimeEntryCommandValidator(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(c => c.StartedAt).NotEmpty();
        RuleFor(c => c.EndedAt).NotEmpty()
            .GreaterThan(c => c.StartedAt).WithMessage("'Ended At' must be after 'Started At'.")
            .Must((c, end) => end.ToUniversalTime() - c.StartedAt.ToUniversalTime() <= BillingPolicy.MaxEntryLength)
            .WithMessage($"One time entry covers at most {BillingPolicy.MaxEntryLength.TotalHours:0} hours.")
            .Must(end => end.ToUniversalTime() <= clock.GetUtcNow().UtcDateTime + ClockSkew)
            .WithMessage("'Ended At' is in the future: record time once it is worked, or run the timer.");
        RuleFor(c => c.Note).MaximumLength(TimeEntry.NoteMaxLength);
        RuleFor(c => c.UserId).MaximumLength(128);
    }
}
