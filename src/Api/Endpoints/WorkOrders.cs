using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WorkOrders.Api.Infrastructure;
using WorkOrders.Application.Common.Models;
using WorkOrders.Application.WorkOrders.Commands.BulkWorkOrders;
using WorkOrders.Application.WorkOrders.Commands.Comments;
using WorkOrders.Application.WorkOrders.Commands.CreateEventWorkOrder;
using WorkOrders.Application.WorkOrders.Commands.CreateWorkOrder;
using WorkOrders.Application.WorkOrders.Commands.DeleteWorkOrder;
using WorkOrders.Application.WorkOrders.Commands.LineItems;
using WorkOrders.Application.WorkOrders.Commands.Tasks;
using WorkOrders.Application.WorkOrders.Commands.TransitionWorkOrder;
using WorkOrders.Application.WorkOrders.Commands.UpdateWorkOrder;
using WorkOrders.Application.WorkOrders.Queries.GetWorkOrder;
using WorkOrders.Application.WorkOrders.Queries.GetWorkOrders;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Api.Endpoints;

public static class WorkOrderEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapWorkOrders(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/work-orders").WithTags("WorkOrders");
        group.MapGet("/", GetWorkOrders).WithName("GetWorkOrders").WithProblems()
            .WithSummary("Work orders by any combination of filters (repeat status= for several), free text q, sort; keyset pages. mine=true is the open queue.");
        group.MapPost("/", CreateWorkOrder).WithName("CreateWorkOrder").WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Opens a work order (Draft from the office; Published from e-mail, phone, technician, partner). Accepts Idempotency-Key.");
        group.MapPost("/bulk", Bulk).WithName("BulkWorkOrders").WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .WithSummary("One action on up to 10,000 work orders: a result per id and totals; dryRun answers what it would do. Accepts Idempotency-Key.");
        group.MapGet("/{id:guid}", GetWorkOrder).WithName("GetWorkOrder").WithProblems(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", UpdateWorkOrder).WithName("UpdateWorkOrder")
            .WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired);
        group.MapDelete("/{id:guid}", DeleteWorkOrder).WithName("DeleteWorkOrder").WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Soft delete (refused once invoiced or payment-approved).");
        group.MapPost("/{id:guid}/transitions", Transition).WithName("TransitionWorkOrder")
            .WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed)
            .WithSummary("Applies a status-machine action; 409 names the current and requested status when it is not allowed.");
        group.MapGet("/{id:guid}/line-items", GetLineItems).WithName("GetLineItems").WithProblems(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/line-items", AddLineItem).WithName("AddLineItem").WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}/line-items/{lineItemId:guid}", UpdateLineItem).WithName("UpdateLineItem").WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/comments", GetComments).WithName("GetComments").WithProblems(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/comments", AddComment).WithName("AddComment").WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/tasks", AddTask).WithName("AddTask").WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        api.MapGroup("/comments").WithTags("WorkOrders")
            .MapDelete("/{id:guid}", DeleteComment).WithName("DeleteComment").WithProblems(StatusCodes.Status404NotFound)
            .WithSummary("Managers only: hides the comment (kept in the audit trail).");

        api.MapGroup("/events").WithTags("Events")
            .MapPost("/", CreateEventWorkOrder).WithName("CreateEventWorkOrder").WithProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Move-in (reconnection), move-out (disconnection) or special read: opens a Published work order. Accepts Idempotency-Key.");
        return api;
    }

    private static async Task<Ok<CursorPage<WorkOrderListItemDto>>> GetWorkOrders(IMediator sender, [AsParameters] WorkOrderFilter filter, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(filter.ToQuery(), ct));

    private static async Task<Created<WorkOrderDto>> CreateWorkOrder(
        IMediator sender, HttpContext http, CreateWorkOrderCommand command, [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey, CancellationToken ct)
    {
        var workOrder = await sender.Send(command with { IdempotencyKey = idempotencyKey }, ct);
        ETag.Set(http, workOrder.Version);
        return TypedResults.Created($"/api/v1/work-orders/{workOrder.Id}", workOrder);
    }

    private static async Task<Created<WorkOrderDto>> CreateEventWorkOrder(
        IMediator sender, CreateEventWorkOrderCommand command, [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey, CancellationToken ct)
    {
        var workOrder = await sender.Send(command with { IdempotencyKey = idempotencyKey }, ct);
        return TypedResults.Created($"/api/v1/work-orders/{workOrder.Id}", workOrder);
    }

    private static async Task<Ok<BulkResultDto>> Bulk(
        IMediator sender, BulkWorkOrdersCommand command, [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(command with { IdempotencyKey = idempotencyKey }, ct));

    private static async Task<Ok<WorkOrderDto>> GetWorkOrder(IMediator sender, HttpContext http, Guid id, CancellationToken ct) =>
        WithETag(http, await sender.Send(new GetWorkOrderQuery(id), ct));

    private static async Task<Ok<WorkOrderDto>> UpdateWorkOrder(IMediator sender, HttpContext http, Guid id, UpdateWorkOrderCommand command, CancellationToken ct) =>
        WithETag(http, await sender.Send(command with { Id = id, ExpectedVersion = ETag.ReadIfMatch(http) }, ct));

    private static async Task<NoContent> DeleteWorkOrder(IMediator sender, Guid id, CancellationToken ct)
    {
        await sender.Send(new DeleteWorkOrderCommand(id), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<WorkOrderDto>> Transition(IMediator sender, HttpContext http, Guid id, TransitionWorkOrderCommand command, CancellationToken ct)
    {
        var expected = ETag.ReadIfMatch(http);
        return WithETag(http, await sender.Send(command with { Id = id, ExpectedVersion = expected }, ct));
    }

    private static async Task<Ok<IReadOnlyList<LineItemDto>>> GetLineItems(IMediator sender, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetLineItemsQuery(id), ct));

    private static async Task<Created<LineItemDto>> AddLineItem(IMediator sender, Guid id, AddLineItemCommand command, CancellationToken ct)
    {
        var item = await sender.Send(command with { WorkOrderId = id }, ct);
        return TypedResults.Created($"/api/v1/work-orders/{id}/line-items/{item.Id}", item);
    }

    private static async Task<Ok<LineItemDto>> UpdateLineItem(IMediator sender, Guid id, Guid lineItemId, UpdateLineItemCommand command, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(command with { WorkOrderId = id, LineItemId = lineItemId }, ct));

    private static async Task<Ok<IReadOnlyList<CommentDto>>> GetComments(IMediator sender, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetCommentsQuery(id), ct));

    private static async Task<Created<CommentDto>> AddComment(IMediator sender, Guid id, AddCommentCommand command, CancellationToken ct)
    {
        var comment = await sender.Send(command with { WorkOrderId = id }, ct);
        return TypedResults.Created($"/api/v1/work-orders/{id}/comments/{comment.Id}", comment);
    }

    private static async Task<NoContent> DeleteComment(IMediator sender, Guid id, CancellationToken ct)
    {
        await sender.Send(new DeleteCommentCommand(id), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<WorkOrderTaskDto>> AddTask(IMediator sender, Guid id, AddTaskCommand command, CancellationToken ct)
    {
        var task = await sender.Send(command with { WorkOrderId = id }, ct);
        return TypedResults.Created($"/api/v1/work-orders/{id}/tasks/{task.Id}", task);
    }

    private static Ok<WorkOrderDto> WithETag(HttpContext http, WorkOrderDto workOrder)
    {
        ETag.Set(http, workOrder.Version);
        return TypedResults.Ok(workOrder);
    }

    /// <summary>The list's query string.</summary>
    public sealed record WorkOrderFilter(
        Guid? CustomerId,
        WorkOrderStatus[]? Status,
        RoutingKind? Routing,
        Guid? ProviderId,
        Guid? TeamId,
        InvoiceStatus? InvoiceStatus,
        bool? PaymentApproved,
        WorkOrderSource? Source,
        WorkOrderCategory? Category,
        DateTime? CreatedFrom,
        DateTime? CreatedTo,
        DateTime? ScheduledFrom,
        DateTime? ScheduledTo,
        string? Q,
        bool? Mine,
        WorkOrderSort? Sort,
        int? Limit,
        string? Cursor)
    {
        public GetWorkOrdersQuery ToQuery() => new()
        {
            CustomerId = CustomerId,
            Status = Status,
            Routing = Routing,
            ProviderId = ProviderId,
            TeamId = TeamId,
            InvoiceStatus = InvoiceStatus,
            PaymentApproved = PaymentApproved,
            Source = Source,
            Category = Category,
            CreatedFrom = CreatedFrom,
            CreatedTo = CreatedTo,
            ScheduledFrom = ScheduledFrom,
            ScheduledTo = ScheduledTo,
            Q = Q,
            Mine = Mine ?? false,
            Sort = Sort ?? WorkOrderSort.Newest,
            Limit = Limit,
            Cursor = Cursor,
        };
    }
}
