using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace WorkOrders.Domain.Portal;

/// <summary>Portal link tokens: 32 bytes from a CSPRNG (256 bits), base64url without padding (43 characters).
/// Only the SHA-256 of the token is stored; the token itself is shown once (URL) or e-mailed.</summary>
public static class PortalToken
{
    public const int ByteLength = 32;

    /// <summary>Base64url of 32 bytes without padding.</summary>
    public const int Length = 43;

    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(ByteLength));

    /// <summary>Lower-case hex SHA-256 of the token as given — computed for every presented value, well-formed or
    /// not, so a malformed token costs the same lookup as a real one (no early exit that answers differently).</summary>
    public static string Hash(string? token)
    {
        var value = token ?? string.Empty;
        if (value.Length > 256)
        {
            value = value[..256];
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
    }

    /// <summary>True for a value that could be a token (43 base64url characters).</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');
}
