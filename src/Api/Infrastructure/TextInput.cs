using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace WorkOrders.Api.Infrastructure;

/// <summary>A NUL character is never meaningful input and PostgreSQL refuses it in text: requests carrying one
/// in the query string are a 400 before anything runs.</summary>
public sealed class RejectNulInQueryMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problems);
        var query = context.Request.QueryString.Value;
        if (query is not null && (query.Contains("%00", StringComparison.Ordinal) || query.Contains('\0', StringComparison.Ordinal)))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "The request could not be read.",
                    Detail = "The query string contains a NUL character.",
                },
            }).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}

/// <summary>What text input may hold, for every string of every request body. Refused: NUL and the other control
/// characters (tab, line feed and carriage return excepted), unpaired surrogates, Unicode noncharacters, the
/// bidirectional embedding/override/isolate controls (they make text display differently from what it is:
/// "Trojan Source"), and a value that has characters but none visible (only zero-width, format characters or
/// combining marks). Plain whitespace is left to the validators (a required field is then "empty").</summary>
public static class TextInput
{
    /// <summary>Why <paramref name="value"/> is refused, or null when it is acceptable.</summary>
    public static string? Problem(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var visible = false;
        var invisible = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, value[++i]);
                if ((codePoint & 0xFFFE) == 0xFFFE)
                {
                    return "must not contain Unicode noncharacters.";
                }

                visible = true;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return "must not contain unpaired surrogate characters.";
            }

            if (c is '\t' or '\n' or '\r' || char.IsWhiteSpace(c))
            {
                continue;
            }

            if (char.IsControl(c))
            {
                return c == '\0' ? "must not contain NUL characters." : "must not contain control characters.";
            }

            if (c is >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF')
            {
                return "must not contain Unicode noncharacters.";
            }

            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
            {
                return "must not contain bidirectional override characters.";
            }

            switch (char.GetUnicodeCategory(c))
            {
                case System.Globalization.UnicodeCategory.Format:
                case System.Globalization.UnicodeCategory.NonSpacingMark:
                case System.Globalization.UnicodeCategory.EnclosingMark:
                case System.Globalization.UnicodeCategory.SpacingCombiningMark:
                    invisible = true;
                    break;
                default:
                    visible = true;
                    break;
            }
        }

        return invisible && !visible ? "must contain visible characters." : null;
    }
}

/// <summary>Reads JSON strings under the <see cref="TextInput"/> rules (→ 400 naming the field and the reason).</summary>
public sealed class TextInputConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? value;
        try
        {
            value = reader.GetString();
        }
        catch (InvalidOperationException ex)
        {
            throw new TextInputException("must be valid text.", ex);
        }

        return value is not null && TextInput.Problem(value) is { } problem ? throw new TextInputException(problem) : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}

/// <summary>A string refused by <see cref="TextInput"/>; its message is the reason shown to the client.</summary>
public sealed class TextInputException : JsonException
{
    public TextInputException() { }

    public TextInputException(string reason) : base(reason) => Reason = reason;

    public TextInputException(string reason, Exception innerException) : base(reason, innerException) => Reason = reason;

    public string Reason { get; } = "must be valid text.";
}
