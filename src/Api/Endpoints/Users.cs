using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using WorkOrders.Application.Common.Interfaces;
using WorkOrders.Application.Users.Commands.CreateUser;
using WorkOrders.Application.Users.Queries.GetUsers;

namespace WorkOrders.Api.Endpoints;

public static class Users
{
    public static RouteGroupBuilder MapUsers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users");
        group.MapGet("/", GetUsers).WithName("GetUsers").WithProblems();
        group.MapPost("/", CreateUser).WithName("CreateUser").WithProblems();
        return api;
    }

    private static async Task<Ok<IReadOnlyList<UserSummary>>> GetUsers(IMediator sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetUsersQuery(), ct));

    private static async Task<Created<UserSummary>> CreateUser(IMediator sender, CreateUserCommand command, CancellationToken ct)
    {
        var user = await sender.Send(command, ct);
        return TypedResults.Created($"/api/v1/users/{user.Id}", user);
    }
}
