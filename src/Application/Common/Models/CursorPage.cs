namespace WorkOrders.Application.Common.Models;

/// <summary>One page of a keyset-paginated list; pass <see cref="NextCursor"/> back for the next page
/// (null on the last page).</summary>
public sealed record CursorPage<T>(IReadOnlyList<T> Items, string? NextCursor);
