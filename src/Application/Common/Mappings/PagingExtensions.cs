using WorkOrders.Domain.Common;

namespace WorkOrders.Application.Common.Mappings;

/// <summary>The keyset position of lists ordered by id (ids are time-ordered GUIDs, so this is creation order).</summary>
public sealed record IdCursor(Guid Id);

public static class PagingExtensions
{
    /// <summary>One keyset page ordered by id, projected to <typeparamref name="TDto"/> in SQL.</summary>
    public static async Task<CursorPage<TDto>> ToIdPageAsync<TEntity, TDto>(
        this IQueryable<TEntity> query,
        string? cursor,
        int? limit,
        IConfigurationProvider mapping,
        Func<TDto, Guid> idOf,
        CancellationToken cancellationToken)
        where TEntity : Entity
    {
        ArgumentNullException.ThrowIfNull(idOf);
        var take = limit ?? Cursor.DefaultLimit;
        if (Cursor.TryDecode<IdCursor>(cursor) is { } after)
        {
            query = query.Where(e => e.Id.CompareTo(after.Id) > 0);
        }

        var rows = await query.OrderBy(e => e.Id).Take(take + 1)
            .ProjectTo<TDto>(mapping)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        string? next = null;
        if (rows.Count > take)
        {
            rows.RemoveAt(take);
            next = Cursor.Encode(new IdCursor(idOf(rows[^1])));
        }

        return new CursorPage<TDto>(rows, next);
    }
}

/// <summary>Shared rules of list queries: limit within bounds, cursor made by this list.</summary>
public static class ListQueryRules
{
    public static IRuleBuilderOptions<T, int?> ValidLimit<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, Cursor.MaxLimit);

    public static IRuleBuilderOptions<T, string?> ValidCursor<T, TCursor>(this IRuleBuilder<T, string?> rule)
        where TCursor : class =>
        rule.Must(Cursor.IsValid<TCursor>).WithMessage("'Cursor' is not a cursor returned by this list.");

}
