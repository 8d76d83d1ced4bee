using System.Reflection;

namespace WorkOrders.Application.Common.Behaviours;

/// <summary>Enforces the <see cref="AuthorizeAttribute"/> roles declared on a request: 401 without a
/// caller, 403 when none of the caller's roles is listed. Admin may send every request.</summary>
public sealed class AuthorizationBehaviour<TRequest, TResponse>(IUser user) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string[][] RequiredRoleSets = typeof(TRequest)
        .GetCustomAttributes<AuthorizeAttribute>()
        .Select(a => a.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .ToArray();

    private static readonly bool Anonymous = typeof(TRequest).GetCustomAttribute<AllowAnonymousAttribute>() is not null;

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (Anonymous)
        {
            return next();
        }

        if (!user.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        if (user.IsInRole(Roles.Admin))
        {
            return next();
        }

        // Every attribute must be satisfied; within one attribute, any listed role suffices.
        foreach (var roles in RequiredRoleSets)
        {
            if (roles.Length > 0 && !roles.Any(user.IsInRole))
            {
                throw new ForbiddenAccessException();
            }
        }

        return next();
    }
}
