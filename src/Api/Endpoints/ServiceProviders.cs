using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using WorkOrders.Api.Infrastructure;
using WorkOrders.Application.Common.Models;
using WorkOrders.Application.ServiceProviders.Commands.CreateServiceProvider;
using WorkOrders.Application.ServiceProviders.Commands.CreateTeam;
using WorkOrders.Application.ServiceProviders.Commands.UpdateServiceProvider;
using WorkOrders.Application.ServiceProviders.Queries.GetServiceProviders;
using WorkOrders.Application.ServiceProviders.Queries.GetTeams;
using WorkOrders.Domain.ServiceProviders;

namespace WorkOrders.Api.Endpoints;

public static class ServiceProviders
{
    public static RouteGroupBuilder MapServiceProviders(this RouteGroupBuilder api)
    {
        var providers = api.MapGroup("/service-providers").WithTags("ServiceProviders");
        providers.MapGet("/", GetServiceProviders).WithName("GetServiceProviders").WithProblems();
        providers.MapPost("/", CreateServiceProvider).WithName("CreateServiceProvider").WithProblems();
        providers.MapGet("/{id:guid}", GetServiceProvider).WithName("GetServiceProvider").WithProblems(StatusCodes.Status404NotFound);
        providers.MapPut("/{id:guid}", UpdateServiceProvider).WithName("UpdateServiceProvider")
            .WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired);

        var teams = api.MapGroup("/service-provider-teams").WithTags("ServiceProviders");
        teams.MapGet("/", GetTeams).WithName("GetServiceProviderTeams").WithProblems();
        teams.MapPost("/", CreateTeam).WithName("CreateServiceProviderTeam").WithProblems();
        return api;
    }

    private static async Task<Ok<CursorPage<ServiceProviderDto>>> GetServiceProviders(
        IMediator sender, string? search, ServiceProviderKind? kind, bool? active, int? limit, string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetServiceProvidersQuery { Search = search, Kind = kind, Active = active, Limit = limit, Cursor = cursor }, ct));

    private static async Task<Created<ServiceProviderDto>> CreateServiceProvider(IMediator sender, HttpContext http, CreateServiceProviderCommand command, CancellationToken ct)
    {
        var provider = await sender.Send(command, ct);
        ETag.Set(http, provider.Version);
        return TypedResults.Created($"/api/v1/service-providers/{provider.Id}", provider);
    }

    private static async Task<Ok<ServiceProviderDto>> GetServiceProvider(IMediator sender, HttpContext http, Guid id, CancellationToken ct)
    {
        var provider = await sender.Send(new GetServiceProviderQuery(id), ct);
        ETag.Set(http, provider.Version);
        return TypedResults.Ok(provider);
    }

    private static async Task<Ok<ServiceProviderDto>> UpdateServiceProvider(IMediator sender, HttpContext http, Guid id, UpdateServiceProviderCommand command, CancellationToken ct)
    {
        var provider = await sender.Send(command with { Id = id, ExpectedVersion = ETag.ReadIfMatch(http) }, ct);
        ETag.Set(http, provider.Version);
        return TypedResults.Ok(provider);
    }

    private static async Task<Ok<IReadOnlyList<TeamDto>>> GetTeams(IMediator sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetTeamsQuery(), ct));

    private static async Task<Created<TeamDto>> CreateTeam(IMediator sender, CreateTeamCommand command, CancellationToken ct)
    {
        var team = await sender.Send(command, ct);
        return TypedResults.Created($"/api/v1/service-provider-teams/{team.Id}", team);
    }
}
