using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace WorkOrders.Infrastructure.Persistence;

/// <summary>Stores UTC and reads back with <see cref="DateTimeKind.Utc"/>, so JSON carries the 'Z' on every provider.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
