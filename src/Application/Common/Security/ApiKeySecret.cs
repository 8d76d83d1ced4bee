using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace WorkOrders.Application.Common.Security;

/// <summary>Partner API keys: 256 random bits, base64url, prefixed <c>wo_</c>; stored only as SHA-256.</summary>
public static class ApiKeySecret
{
    public const string KeyPrefix = "wo_";
    public const int PrefixLength = 10;

    public static string Generate() => KeyPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key ?? string.Empty)));

    /// <summary>The recognisable start of a key, kept in clear for lists.</summary>
    public static string PrefixOf(string key) => (key ?? string.Empty)[..Math.Min(PrefixLength, key?.Length ?? 0)];
}
