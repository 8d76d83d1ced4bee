using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using WorkOrders.Api.Infrastructure;
using WorkOrders.Application.Portal;
using WorkOrders.Application.Portal.Commands;
using WorkOrders.Application.Portal.Links;
using WorkOrders.Application.Portal.Queries;

namespace WorkOrders.Api.Endpoints;

/// <summary>The customer portal (<c>/portal/{token}/...</c>: anonymous, the token is the credential — no cookie, no
/// antiforgery; every invalid, expired, revoked or wrong-view token answers the same 404) and the staff side of it
/// (<c>/work-orders/{id}/portal-links</c>).</summary>
public static class PortalEndpoints
{
    public static RouteGroupBuilder MapPortal(this RouteGroupBuilder api)
    {
        var portal = api.MapGroup("/portal/{token}").WithTags("Portal").AllowAnonymous();
        portal.MapGet("", GetSession).WithName("GetPortalSession").WithPortalProblems()
            .WithSummary("What the link opens: its view, the work order (number, title, status), its expiry; ETag = the view's version.");
        portal.MapGet("/work-authorization", GetWorkAuthorization).WithName("GetPortalWorkAuthorization").WithPortalProblems()
            .WithSummary("Work Authorization view: the line items (no prices) with their approval status, and the comments.");
        portal.MapGet("/estimate", GetEstimate).WithName("GetPortalEstimate").WithPortalProblems()
            .WithSummary("Estimate view: line items with prices, the estimate version, the signature once given.");
        portal.MapGet("/estimate/pdf", GetEstimatePdf).WithName("GetPortalEstimatePdf").WithPortalProblems()
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithSummary("The estimate as a PDF: a signature block while unsigned, the signature (image, name, time) once given.");
        portal.MapPost("/estimate/signature", Sign).WithName("SignPortalEstimate")
            .WithPortalProblems(StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired)
            .WithSummary("Formal authorization: a drawn signature (PNG data URL) and the typed name. If-Match required; accepts Idempotency-Key.");
        portal.MapGet("/progress-report", GetProgressReport).WithName("GetPortalProgressReport").WithPortalProblems()
            .WithSummary("Progress Report view: estimated labour hours of approved items vs worked hours; the credit-hour burn-down.");
        portal.MapGet("/invoice", GetInvoice).WithName("GetPortalInvoice").WithPortalProblems()
            .WithSummary("Invoice view: billed hours (the 1-hour minimum shown) and parts.");
        portal.MapGet("/invoice/pdf", GetInvoicePdf).WithName("GetPortalInvoicePdf").WithPortalProblems()
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithSummary("The invoice as a PDF.");
        portal.MapPut("/line-items/{lineItemId:guid}/decision", Decide).WithName("DecidePortalLineItem")
            .WithPortalProblems(StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired)
            .WithSummary("Approve, reject or clear (Pending) a line item with a note (Work Authorization, Estimate). If-Match required; accepts Idempotency-Key.");
        portal.MapPost("/comments", AddComment).WithName("AddPortalComment")
            .WithPortalProblems(StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status428PreconditionRequired)
            .WithSummary("A customer comment. If-Match required; accepts Idempotency-Key.");

        var links = api.MapGroup("/work-orders/{id:guid}/portal-links").WithTags("Portal");
        links.MapPost("", Create).WithName("CreatePortalLink").WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Team managers: a link for one view of the work order (token and URL shown once); sendEmail e-mails it (CC team managers).");
        links.MapGet("", GetLinks).WithName("GetPortalLinks").WithProblems(StatusCodes.Status404NotFound)
            .WithSummary("The work order's portal links with their state (active, expired, revoked), creator, expiry and last use.");
        links.MapDelete("/{linkId:guid}", Revoke).WithName("RevokePortalLink").WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Team managers: revokes the link at once.");
        links.MapGet("/{linkId:guid}/access-log", GetAccessLog).WithName("GetPortalAccessLog").WithProblems(StatusCodes.Status404NotFound)
            .WithSummary("Who used the link: time, address, user agent, action (newest first).");
        return api;
    }

    private static RouteHandlerBuilder WithPortalProblems(this RouteHandlerBuilder builder, params int[] extra)
    {
        builder.ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        foreach (var status in extra)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }

    private static async Task<Ok<PortalSessionDto>> GetSession(IMediator sender, HttpContext http, string token, CancellationToken ct) =>
        WithETag(http, await sender.Send(new GetPortalSessionQuery(token), ct));

    private static async Task<Ok<PortalApprovalViewDto>> GetWorkAuthorization(IMediator sender, HttpContext http, string token, CancellationToken ct) =>
        WithETag(http, await sender.Send(new GetPortalWorkAuthorizationQuery(token), ct));

    private static async Task<Ok<PortalApprovalViewDto>> GetEstimate(IMediator sender, HttpContext http, string token, CancellationToken ct) =>
        WithETag(http, await sender.Send(new GetPortalEstimateQuery(token), ct));

    private static async Task<FileContentHttpResult> GetEstimatePdf(IMediator sender, string token, CancellationToken ct) =>
        File(await sender.Send(new GetPortalEstimatePdfQuery(token), ct));

    private static async Task<Ok<PortalProgressReportDto>> GetProgressReport(IMediator sender, HttpContext http, string token, CancellationToken ct) =>
        WithETag(http, await sender.Send(new GetPortalProgressReportQuery(token), ct));

    private static async Task<Ok<PortalInvoiceDto>> GetInvoice(IMediator sender, HttpContext http, string token, CancellationToken ct) =>
        WithETag(http, await sender.Send(new GetPortalInvoiceQuery(token), ct));

    private static async Task<FileContentHttpResult> GetInvoicePdf(IMediator sender, string token, CancellationToken ct) =>
        File(await sender.Send(new GetPortalInvoicePdfQuery(token), ct));

    private static async Task<Ok<PortalApprovalViewDto>> Decide(
        IMediator sender, HttpContext http, string token, Guid lineItemId, DecidePortalLineItemCommand command,
        [FromHeader(Name = WorkOrderEndpoints.IdempotencyKeyHeader)] string? idempotencyKey, CancellationToken ct) =>
        WithETag(http, await sender.Send(command with
        {
            Token = token, LineItemId = lineItemId, ExpectedVersion = ETag.ReadIfMatch(http), ClientKey = idempotencyKey,
        }, ct));

    private static async Task<Ok<PortalApprovalViewDto>> Sign(
        IMediator sender, HttpContext http, string token, SignPortalEstimateCommand command,
        [FromHeader(Name = WorkOrderEndpoints.IdempotencyKeyHeader)] string? idempotencyKey, CancellationToken ct) =>
        WithETag(http, await sender.Send(command with { Token = token, ExpectedVersion = ETag.ReadIfMatch(http), ClientKey = idempotencyKey }, ct));

    private static async Task<Created<PortalCommentResultDto>> AddComment(
        IMediator sender, HttpContext http, string token, AddPortalCommentCommand command,
        [FromHeader(Name = WorkOrderEndpoints.IdempotencyKeyHeader)] string? idempotencyKey, CancellationToken ct)
    {
        var result = await sender.Send(command with { Token = token, ExpectedVersion = ETag.ReadIfMatch(http), ClientKey = idempotencyKey }, ct);
        ETag.Set(http, result.Version);
        return TypedResults.Created((string?)null, result);
    }

    private static async Task<Created<CreatedPortalLinkDto>> Create(IMediator sender, Guid id, CreatePortalLinkCommand command, CancellationToken ct)
    {
        var created = await sender.Send(command with { WorkOrderId = id }, ct);
        return TypedResults.Created($"/api/v1/work-orders/{id}/portal-links/{created.Link.Id}", created);
    }

    private static async Task<Ok<IReadOnlyList<PortalLinkDto>>> GetLinks(IMediator sender, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetPortalLinksQuery(id), ct));

    private static async Task<NoContent> Revoke(IMediator sender, Guid id, Guid linkId, CancellationToken ct)
    {
        await sender.Send(new RevokePortalLinkCommand(id, linkId), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<PortalAccessDto>>> GetAccessLog(IMediator sender, Guid id, Guid linkId, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetPortalAccessLogQuery(id, linkId), ct));

    private static Ok<T> WithETag<T>(HttpContext http, T view)
        where T : PortalViewBase
    {
        ETag.Set(http, view.Version);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(view);
    }

    private static FileContentHttpResult File(PortalFileDto file)
    {
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
