using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using WorkOrders.Application.Common.Models;
using WorkOrders.Application.Ops;

namespace WorkOrders.Api.Endpoints;

/// <summary>The background-job dashboard (Ops and Admin): the outbox and the scheduler's jobs.</summary>
public static class Ops
{
    public static RouteGroupBuilder MapOps(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/ops").WithTags("Ops");
        group.MapGet("/outbox", GetOutboxMessages).WithName("GetOutboxMessages").WithProblems()
            .WithSummary("Outbox messages, newest first, by state and type (keyset pages).");
        group.MapGet("/outbox/summary", GetOutboxSummary).WithName("GetOutboxSummary").WithProblems()
            .WithSummary("Pending, failing and dead-lettered messages by type; delivered in the last hour; the oldest waiting.");
        group.MapPost("/outbox/{id:guid}/retry", RetryOutboxMessage).WithName("RetryOutboxMessage")
            .WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Puts a dead-lettered or failing message back in the queue, due now.");
        group.MapGet("/jobs", GetJobs).WithName("GetJobs").WithProblems()
            .WithSummary("The scheduler's jobs with their triggers (state, next and previous fire times).");
        group.MapPost("/jobs/{group}/{name}/trigger", TriggerJob).WithName("TriggerJob").WithProblems(StatusCodes.Status404NotFound)
            .WithSummary("Fires a job once, now.");
        return api;
    }

    private static async Task<Ok<CursorPage<OutboxMessageDto>>> GetOutboxMessages(
        IMediator sender, OutboxState? state, string? type, int? limit, string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetOutboxMessagesQuery { State = state, Type = type, Limit = limit, Cursor = cursor }, ct));

    private static async Task<Ok<OutboxSummaryDto>> GetOutboxSummary(IMediator sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetOutboxSummaryQuery(), ct));

    private static async Task<Ok<OutboxMessageDto>> RetryOutboxMessage(IMediator sender, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RetryOutboxMessageCommand(id), ct));

    private static async Task<Ok<IReadOnlyList<JobDto>>> GetJobs(IMediator sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetJobsQuery(), ct));

    private static async Task<Accepted> TriggerJob(IMediator sender, string group, string name, CancellationToken ct)
    {
        await sender.Send(new TriggerJobCommand(group, name), ct);
        return TypedResults.Accepted((string?)null);
    }
}
