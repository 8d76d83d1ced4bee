using System.Text.Json.Serialization;
using WorkOrders.Application.Billing.Queries.GetTimeEntries;
using WorkOrders.Application.WorkOrders;

namespace WorkOrders.Application.Billing.Commands.AddTimeEntry;

/// <summary>Office staff record time worked earlier (a forgotten timer, a phone fix): for themselves, or for the
/// user named by <see cref="UserId"/>. The work order must take time (assigned, in progress, waiting); the entry
/// must not overlap that user's other time on the work order. Its hours are added to the worked hours.</summary>
[Authorize(Roles = Roles.Office)]
public sealed record AddTimeEntryCommand : ICommand<TimeEntryResultDto>
{
    [JsonIgnore]
    public Guid WorkOrderId { get; init; }

    public DateTime StartedAt { get; init; }
    public DateTime EndedAt { get; init; }
    public string? Note { get; init; }

    /// <summary>Whose time it is (a staff user's id); the caller's when omitted.</summary>
    public string? UserId { get; init; }
}

public sealed class AddTimeEntryCommandHandler(
    IApplicationDbContext db, IMapper mapper, IUser user, TimeProvider clock, WorkOrderAccess access, IRowLocks locks, IIdentityService identity)
    : IRequestHandler<AddTimeEntryCommand, TimeEntryResultDto>
{
    public async Task<TimeEntryResultDto> Handle(AddTimeEntryCommand request, CancellationToken cancellationToken)
    {
        var (userId, userName) = (user.Id!, user.Name ?? user.Id!);
        if (!string.IsNullOrWhiteSpace(request.UserId) && request.UserId != user.Id)
        {
            var worker = await identity.GetUserAsync(request.UserId, cancellationToken).ConfigureAwait(false)
                ?? throw new ValidationException("userId", "'User Id' is not a user.");
            (userId, userName) = (worker.Id, worker.Email);
        }

        var workOrder = await access.LoadWithTimeAsync(db, locks, request.WorkOrderId, cancellationToken).ConfigureAwait(false);
        var entry = workOrder.AddTimeEntry(
            userId, userName, request.StartedAt.ToUniversalTime(), request.EndedAt.ToUniversalTime(), request.Note, user.AsActor(clock));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new TimeEntryResultDto(mapper.Map<TimeEntryDto>(entry), workOrder.WorkedHours);
    }
}
