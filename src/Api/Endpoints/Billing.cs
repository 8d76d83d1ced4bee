using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WorkOrders.Api.Infrastructure;
using WorkOrders.Application.Billing.Commands.AddTimeEntry;
using WorkOrders.Application.Billing.Commands.PurchaseCreditHours;
using WorkOrders.Application.Billing.Commands.SetBilledHours;
using WorkOrders.Application.Billing.Commands.StartTimer;
using WorkOrders.Application.Billing.Commands.StopTimer;
using WorkOrders.Application.Billing.Queries.GetCreditHours;
using WorkOrders.Application.Billing.Queries.GetTimeEntries;
using WorkOrders.Application.Billing.Queries.GetWorkOrderProgress;

namespace WorkOrders.Api.Endpoints;

/// <summary>Time and billing: timers and time entries (worked hours), billed hours of completed work, the
/// customers' credit-hour banks, and the progress report.</summary>
public static class BillingEndpoints
{
    public static RouteGroupBuilder MapBilling(this RouteGroupBuilder api)
    {
        var workOrders = api.MapGroup("/work-orders/{id:guid}").WithTags("Billing");
        workOrders.MapPost("/timer/start", StartTimer).WithName("StartTimer")
            .WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Starts the caller's timer on assigned, in-progress or waiting work; one running timer per user per work order (a second start is a 409).");
        workOrders.MapPost("/timer/stop", StopTimer).WithName("StopTimer")
            .WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Stops the caller's running timer: the time entry gets its hours (to 0.01 h), added to the worked hours.");
        workOrders.MapGet("/time-entries", GetTimeEntries).WithName("GetTimeEntries").WithProblems(StatusCodes.Status404NotFound)
            .WithSummary("The time entries of the work order, oldest first; running timers have no end yet.");
        workOrders.MapPost("/time-entries", AddTimeEntry).WithName("AddTimeEntry")
            .WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Office staff record time worked earlier (for themselves or for userId); it must not overlap that user's other time here.");
        workOrders.MapPut("/billed-hours", SetBilledHours).WithName("SetBilledHours")
            .WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed)
            .WithSummary("Sets the billed hours of completed work (never below 1 h: minimumApplied says when raised) and debits the customer's credit-hour bank by the change. If-Match optional.");
        workOrders.MapGet("/progress", GetProgress).WithName("GetWorkOrderProgress").WithProblems(StatusCodes.Status404NotFound)
            .WithSummary("Estimated labour hours of approved line items vs worked hours, billed hours, waiting time, and the credit balance before and after this job (billedHours= previews a billing).");

        var customers = api.MapGroup("/customers/{id:guid}/credit-hours").WithTags("Billing");
        customers.MapGet("/", GetCreditHours).WithName("GetCreditHours").WithProblems(StatusCodes.Status404NotFound)
            .WithSummary("The customer's credit-hour balance (a warning when negative), totals, and its ledger newest first, keyset-paged.");
        customers.MapPost("/", PurchaseCreditHours).WithName("PurchaseCreditHours")
            .WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Records purchased credit hours (accounts receivable). Accepts Idempotency-Key.");
        return api;
    }

    private static async Task<Ok<TimeEntryResultDto>> StartTimer(IMediator sender, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new StartTimerCommand(id), ct));

    private static async Task<Ok<TimeEntryResultDto>> StopTimer(IMediator sender, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new StopTimerCommand(id), ct));

    private static async Task<Ok<IReadOnlyList<TimeEntryDto>>> GetTimeEntries(IMediator sender, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetTimeEntriesQuery(id), ct));

    private static async Task<Created<TimeEntryResultDto>> AddTimeEntry(IMediator sender, Guid id, AddTimeEntryCommand command, CancellationToken ct)
    {
        var result = await sender.Send(command with { WorkOrderId = id }, ct);
        return TypedResults.Created($"/api/v1/work-orders/{id}/time-entries/{result.Entry.Id}", result);
    }

    private static async Task<Ok<BilledHoursResultDto>> SetBilledHours(IMediator sender, HttpContext http, Guid id, SetBilledHoursCommand command, CancellationToken ct)
    {
        var result = await sender.Send(command with { WorkOrderId = id, ExpectedVersion = ETag.ReadIfMatch(http) }, ct);
        ETag.Set(http, result.Version);
        return TypedResults.Ok(result);
    }

    private static async Task<Ok<WorkOrderProgressDto>> GetProgress(IMediator sender, Guid id, decimal? billedHours, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetWorkOrderProgressQuery(id, billedHours), ct));

    private static async Task<Ok<CreditHourLedgerDto>> GetCreditHours(IMediator sender, Guid id, int? limit, string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetCreditHoursQuery { CustomerId = id, Limit = limit, Cursor = cursor }, ct));

    private static async Task<Created<CreditHourChangeDto>> PurchaseCreditHours(
        IMediator sender, Guid id, PurchaseCreditHoursCommand command,
        [FromHeader(Name = WorkOrderEndpoints.IdempotencyKeyHeader)] string? idempotencyKey, CancellationToken ct)
    {
        var result = await sender.Send(command with { CustomerId = id, IdempotencyKey = idempotencyKey }, ct);
        return TypedResults.Created($"/api/v1/customers/{id}/credit-hours", result);
    }
}
