using System.Buffers.Text;
using System.Text.Json;

namespace WorkOrders.Application.Common.Models;

/// <summary>Opaque keyset cursors: the sort key of the last row seen, as base64url JSON.</summary>
public static class Cursor
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static string Encode<T>(T position) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(position));

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
            return JsonSerializer.Deserialize<T>(Base64Url.DecodeFromChars(cursor));
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    public static bool IsValid<T>(string? cursor)
        where T : class => string.IsNullOrEmpty(cursor) || TryDecode<T>(cursor) is not null;
}
