using System.Text.Json.Serialization;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.WorkOrders.Commands.BulkWorkOrders;

/// <summary>One action on many work orders: set-based, one transaction, a result per id. One bad id never fails
/// the batch — unknown, deleted, duplicate and not-applicable ids are per-item failures. With
/// <see cref="DryRun"/> it answers exactly what it would do and changes nothing. Accepts Idempotency-Key.</summary>
[Authorize(Roles = $"{Roles.Office},{Roles.AccountsReceivable}")]
public sealed record BulkWorkOrdersCommand : ICommand<BulkResultDto>, IIdempotentCommand
{
    public const int MaxIds = 10_000;

    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    public BulkAction Action { get; init; }
    public IReadOnlyList<Guid> Ids { get; init; } = [];

    /// <summary>For AssignProvider.</summary>
    public Guid? ProviderId { get; init; }

    /// <summary>For AssignTeam.</summary>
    public Guid? TeamId { get; init; }

    /// <summary>For Cancel (and recorded in the history of every changed item).</summary>
    public string? Reason { get; init; }

    public bool DryRun { get; init; }
}

public sealed record BulkItemResultDto(Guid Id, string? Number, bool Succeeded, string? Reason, WorkOrderStatus? Status);

public sealed record BulkReasonCountDto(string Reason, int Count);

/// <summary>Totals, the failures grouped by reason ("3 skipped: Published: cannot publish"), and a result per id
/// in the order sent.</summary>
public sealed record BulkResultDto(
    BulkAction Action,
    bool DryRun,
    int Requested,
    int Succeeded,
    int Failed,
    IReadOnlyList<BulkReasonCountDto> FailureReasons,
    IReadOnlyList<BulkItemResultDto> Results);

public sealed class BulkWorkOrdersCommandValidator : AbstractValidator<BulkWorkOrdersCommand>
{
    public BulkWorkOrdersCommandValidator()
    {
        RuleFor(c => c.Action).IsInEnum();
        RuleFor(c => c.Ids).NotEmpty().Must(ids => ids.Count <= BulkWorkOrdersCommand.MaxIds)
            .WithMessage($"'Ids' may list at most {BulkWorkOrdersCommand.MaxIds} work orders per request.");
        RuleFor(c => c.ProviderId).NotEmpty().When(c => c.Action == BulkAction.AssignProvider)
            .WithMessage("'Provider Id' is required to assign to a provider.");
        RuleFor(c => c.TeamId).NotEmpty().When(c => c.Action == BulkAction.AssignTeam)
            .WithMessage("'Team Id' is required to assign to a team.");
        RuleFor(c => c.ProviderId).Null().When(c => c.Action != BulkAction.AssignProvider)
            .WithMessage("'Provider Id' belongs to AssignProvider only.");
        RuleFor(c => c.TeamId).Null().When(c => c.Action != BulkAction.AssignTeam)
            .WithMessage("'Team Id' belongs to AssignTeam only.");
        RuleFor(c => c.Reason).MaximumLength(500);
        RuleFor(c => c.IdempotencyKey).MaximumLength(100);
    }
}
