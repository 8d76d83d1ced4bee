using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using WorkOrders.Application.Common.Models;
using WorkOrders.Application.CustomerSites.Commands.ChangeSiteStatus;
using WorkOrders.Application.CustomerSites.Commands.CreateSite;
using WorkOrders.Application.CustomerSites.Queries.GetSites;
using WorkOrders.Domain.CustomerSites;

namespace WorkOrders.Api.Endpoints;

public static class Sites
{
    public static RouteGroupBuilder MapSites(this RouteGroupBuilder api)
    {
        var customerSites = api.MapGroup("/customers/{customerId:guid}/sites").WithTags("Sites");
        customerSites.MapGet("/", GetSites).WithName("GetSites").WithProblems(StatusCodes.Status404NotFound);
        customerSites.MapPost("/", CreateSite).WithName("CreateSite").WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Adds a site to an active customer; the contact defaults to the customer's primary contact.");

        var sites = api.MapGroup("/sites").WithTags("Sites");
        sites.MapPost("/{id:guid}/deactivate", DeactivateSite).WithName("DeactivateSite").WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        sites.MapPost("/{id:guid}/reactivate", ReactivateSite).WithName("ReactivateSite").WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Ok<CursorPage<SiteDto>>> GetSites(IMediator sender, Guid customerId, SiteStatus? status, int? limit, string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetSitesQuery { CustomerId = customerId, Status = status, Limit = limit, Cursor = cursor }, ct));

    private static async Task<Created<SiteDto>> CreateSite(IMediator sender, Guid customerId, CreateSiteCommand command, CancellationToken ct)
    {
        var site = await sender.Send(command with { CustomerId = customerId }, ct);
        return TypedResults.Created($"/api/v1/customers/{customerId}/sites/{site.Id}", site);
    }

    private static async Task<Ok<SiteDto>> DeactivateSite(IMediator sender, Guid id, DeactivateSiteCommand? command, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send((command ?? new DeactivateSiteCommand()) with { Id = id }, ct));

    private static async Task<Ok<SiteDto>> ReactivateSite(IMediator sender, Guid id, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ReactivateSiteCommand(id), ct));
}
