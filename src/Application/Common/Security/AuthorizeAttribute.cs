namespace WorkOrders.Application.Common.Security;

/// <summary>Declares on a request which roles may send it (comma-separated; any one suffices).
/// Admin may send every request. Without the attribute, any authenticated caller may.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class AuthorizeAttribute : Attribute
{
    public string Roles { get; set; } = string.Empty;
}

/// <summary>Marks a request that anonymous callers may send (login, portal).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class AllowAnonymousAttribute : Attribute;
