using System.Globalization;
using System.Reflection;
using WorkOrders.Application.Common.Exceptions;

namespace WorkOrders.Api.Infrastructure;

/// <summary>Enum query parameters take the documented names only: the framework's binder would also take
/// numbers (<c>status=1</c>), which are not part of the contract. Such a value is a 400 naming the field.</summary>
public static class StrictEnumQueryFilter
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        var enumParameters = context.MethodInfo.GetParameters()
            .SelectMany(p => p.GetCustomAttribute<AsParametersAttribute>() is null
                ? [(Name: p.Name!, p.ParameterType)]
                : p.ParameterType.GetConstructors().Single().GetParameters().Select(c => (Name: c.Name!, c.ParameterType)))
            .Where(p => EnumType(p.ParameterType) is not null)
            .Select(p => (p.Name, Enum: EnumType(p.ParameterType)!))
            .ToArray();
        if (enumParameters.Length == 0)
        {
            return next;
        }

        return invocation =>
        {
            var query = invocation.HttpContext.Request.Query;
            foreach (var (name, type) in enumParameters)
            {
                foreach (var value in query[name])
                {
                    if (value is not null && (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) || !Enum.IsDefined(type, value)))
                    {
                        throw new ValidationException(name, $"'{name}' must be one of: {string.Join(", ", Enum.GetNames(type))}.");
                    }
                }
            }

            return next(invocation);
        };
    }

    private static Type? EnumType(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? (type.IsArray ? type.GetElementType()! : type);
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t.IsEnum ? t : null;
    }
}
