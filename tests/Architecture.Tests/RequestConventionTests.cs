using System.Reflection;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Application;
using WorkOrders.Application.Common.Models;
using WorkOrders.Application.Common.Security;

namespace WorkOrders.Architecture.Tests;

/// <summary>Conventions of the use cases (MediatR requests) of the Application layer.</summary>
public sealed class RequestConventionTests
{
    private static readonly Type[] ApplicationTypes = Layers.Application.GetTypes();

    /// <summary>Every concrete request type with its response type(s).</summary>
    private static readonly List<(Type Request, Type Response)> Requests = ApplicationTypes
        .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false })
        .SelectMany(t => t.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))
            .Select(i => (t, i.GetGenericArguments()[0])))
        .ToList();

    private static string Describe(IEnumerable<Type> types) => string.Join(", ", types.Select(t => t.FullName));

    [Fact]
    public void ApplicationHasRequests()
    {
        Requests.Count.ShouldBeGreaterThan(10);
        Requests.Select(r => r.Request).ShouldContain(typeof(Application.Customers.Commands.CreateCustomer.CreateCustomerCommand));
    }

    [Fact]
    public void EveryRequest_HasExactlyOneHandler_InTheApplication()
    {
        var wrong = Requests
            .Where(r => ApplicationTypes.Count(t => t is { IsAbstract: false, IsInterface: false }
                && typeof(IRequestHandler<,>).MakeGenericType(r.Request, r.Response).IsAssignableFrom(t)) != 1)
            .Select(r => r.Request)
            .ToList();

        wrong.ShouldBeEmpty($"Requests without exactly one handler: {Describe(wrong)}");
    }

    [Fact]
    public void EveryRequestHandler_IsRegisteredByAddApplication()
    {
        var services = new ServiceCollection().AddApplication();

        var unregistered = Requests
            .Where(r => !services.Any(d => d.ServiceType == typeof(IRequestHandler<,>).MakeGenericType(r.Request, r.Response)))
            .Select(r => r.Request)
            .ToList();

        unregistered.ShouldBeEmpty($"Requests whose handler AddApplication() does not register: {Describe(unregistered)}");
    }

    [Fact]
    public void EveryCommand_IsAnICommand_SoItRunsInATransaction()
    {
        var notCommands = Requests.Select(r => r.Request)
            .Where(t => t.Name.EndsWith("Command", StringComparison.Ordinal) && !ImplementsICommand(t))
            .ToList();

        notCommands.ShouldBeEmpty($"Named *Command but not ICommand<>: {Describe(notCommands)}");
    }

    [Fact]
    public void NoQuery_IsAnICommand()
    {
        var queries = Requests.Select(r => r.Request)
            .Where(t => t.Name.EndsWith("Query", StringComparison.Ordinal) && ImplementsICommand(t))
            .ToList();

        queries.ShouldBeEmpty($"Queries must not open a transaction: {Describe(queries)}");
    }

    [Fact]
    public void EveryRequest_DeclaresWhoMaySendIt()
    {
        var undeclared = Requests.Select(r => r.Request).Distinct()
            .Where(t => !t.IsDefined(typeof(AuthorizeAttribute), inherit: true) && !t.IsDefined(typeof(AllowAnonymousAttribute), inherit: true))
            .ToList();

        undeclared.ShouldBeEmpty($"Requests without [Authorize] or [AllowAnonymous]: {Describe(undeclared)}");
    }

    [Fact]
    public void NoRequest_IsBothAnonymousAndRestricted()
    {
        var both = Requests.Select(r => r.Request).Distinct()
            .Where(t => t.IsDefined(typeof(AuthorizeAttribute), inherit: true) && t.IsDefined(typeof(AllowAnonymousAttribute), inherit: true))
            .ToList();

        both.ShouldBeEmpty($"[AllowAnonymous] overrides [Authorize] on: {Describe(both)}");
    }

    [Fact]
    public void AuthorizeAttributes_NameOnlyKnownRoles()
    {
        var known = Roles.StaffRoles.Append(Roles.Partner).ToHashSet(StringComparer.Ordinal);

        var unknown = Requests.Select(r => r.Request).Distinct()
            .SelectMany(t => t.GetCustomAttributes<AuthorizeAttribute>(inherit: true)
                .SelectMany(a => a.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Where(role => !known.Contains(role))
                .Select(role => $"{t.Name}: '{role}'"))
            .ToList();

        unknown.ShouldBeEmpty($"Unknown roles: {string.Join(", ", unknown)}");
    }

    private static bool ImplementsICommand(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));
}
