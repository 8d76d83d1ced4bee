using System.Buffers.Text;
using System.Text.Json;

namespace WorkOrders.Application.Common.Models;

/// <summary>Opaque keyset cursors: the sort key of the last row seen, as base64url JSON.</summary>
public static class Cursor
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Strict: every constructor parameter present, no nulls where the type says none, no unknown members.</summary>
    private static readonly JsonSerializerOptions Strict = new()
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static string Encode<T>(T position) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(position, Strict));

    /// <summary>Decodes a cursor made by <see cref="Encode{T}"/>; null when it is not a valid cursor.</summary>
    public static T? TryDecode<T>(string? cursor)
        where T : class
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 1024)
        {
            return null;
        }

        try
        {
            var bytes = Base64Url.DecodeFromChars(cursor);

            // A NUL can never be part of a key we wrote (and PostgreSQL refuses it in text).
            return bytes.Contains((byte)0) || System.Text.Encoding.UTF8.GetString(bytes).Contains("\\u0000", StringComparison.OrdinalIgnoreCase)
                ? null
                : JsonSerializer.Deserialize<T>(bytes, Strict);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    public static bool IsValid<T>(string? cursor)
        where T : class => string.IsNullOrEmpty(cursor) || TryDecode<T>(cursor) is not null;
}
